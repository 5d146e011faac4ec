package bench.gateway.edge;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.gateway.security.ApiKeyRegistry;
import dev.switchboard.gateway.security.EdgeAuthProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

/**
 * What one request's credential check costs the gateway's CPU, apart from the rest of the proxy work: the API key
 * lookup (SHA-256 of the presented key, constant-time comparison with every configured digest) and the JWT
 * validation Spring Security runs (parse, RS256 signature with a cached public key, exp/nbf/iss validators).
 * Built and run by run-jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EdgeCheckCost {

    private static final String ISSUER = "https://issuer.bench.test";

    private ApiKeyRegistry tenKeys;
    private String presentedKey;
    private NimbusReactiveJwtDecoder decoder;
    private String token;

    @Setup
    public void setUp() throws Exception {
        List<String> digests = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            digests.add("client-" + i + ":" + sha256("key-" + i));
        }
        tenKeys = ApiKeyRegistry.from(new EdgeAuthProperties(List.of(), digests, null, List.of(),
                dev.switchboard.gateway.security.AccessPolicy.PUBLIC));
        presentedKey = "key-7";

        RSAKey rsa = new RSAKeyGenerator(2048).keyID("bench").generate();
        decoder = NimbusReactiveJwtDecoder.withPublicKey(rsa.toRSAPublicKey()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<Jwt>(JwtValidators.createDefaultWithIssuer(ISSUER)));
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").build(),
                new JWTClaimsSet.Builder().subject("bench-client").issuer(ISSUER).issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(3600))).build());
        jwt.sign(new RSASSASigner(rsa));
        token = jwt.serialize();
    }

    @Benchmark
    public Object apiKeyAmongTen() {
        return tenKeys.nameOf(presentedKey);
    }

    @Benchmark
    public Object jwtRs256() {
        return decoder.decode(token).block();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
