# syntax=docker/dockerfile:1
# One image recipe for every Switchboard service: docker compose builds it once per module (MODULE).
# The Maven stage is identical for all modules, so BuildKit runs it once and reuses it.
# The bytecode is Java 17 (maven.compiler.release); the images build and run on Java 25, which serves the gateway's
# requests with 7 % less CPU than 17 (bench/api-gateway/RESULTS.md). The whole test suite passes on both.
ARG JAVA_VERSION=25

FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:${JAVA_VERSION}-jre AS layers
ARG MODULE
WORKDIR /layers
COPY --from=build /src/${MODULE}/target/${MODULE}-*.jar application.jar
# Boot's tools jarmode splits the jar into layers that change at different rates (dependencies rarely).
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:${JAVA_VERSION}-jre
ARG MODULE
LABEL org.opencontainers.image.title="switchboard-${MODULE}" \
      org.opencontainers.image.source="https://github.com/switchboard-dev/switchboard"
RUN groupadd --system switchboard && useradd --system --gid switchboard --home-dir /app switchboard \
    && mkdir -p /data && chown switchboard:switchboard /data
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
COPY docker/healthcheck.sh /usr/local/bin/healthcheck
USER switchboard
# Netty's native transport and the embedded store's SQLite driver load native libraries, which Java 24+ reports at
# every start unless native access is granted.
ENV SWITCHBOARD_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED"
VOLUME /data
ENTRYPOINT ["java", "-jar", "application.jar"]
