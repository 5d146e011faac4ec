#!/usr/bin/env python3
"""Writes a JWK set for an RSA key and prints an RS256 JWT signed with it (openssl signs; standard library only).

Usage: make_jwt.py <private-key.pem> <jwks-out.json> <issuer> <lifetime-seconds>
"""
import base64
import json
import subprocess
import sys
import time


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def main() -> None:
    key, jwks_out, issuer, lifetime = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    modulus_hex = subprocess.run(["openssl", "rsa", "-in", key, "-noout", "-modulus"], check=True,
                                 capture_output=True, text=True).stdout.strip().split("=", 1)[1]
    modulus = int(modulus_hex, 16).to_bytes((len(modulus_hex) + 1) // 2, "big")
    jwk = {"kty": "RSA", "kid": "bench", "alg": "RS256", "use": "sig", "n": b64url(modulus), "e": b64url((65537).to_bytes(3, "big"))}
    with open(jwks_out, "w") as out:
        json.dump({"keys": [jwk]}, out)
    now = int(time.time())
    header = b64url(json.dumps({"alg": "RS256", "kid": "bench", "typ": "JWT"}).encode())
    claims = b64url(json.dumps({"sub": "bench-client", "iss": issuer, "iat": now, "exp": now + lifetime}).encode())
    signing_input = f"{header}.{claims}".encode()
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=signing_input, check=True,
                               capture_output=True).stdout
    print(f"{header}.{claims}.{b64url(signature)}")


if __name__ == "__main__":
    main()
