# syntax=docker/dockerfile:1
# One image recipe for every Switchboard service: docker compose builds it once per module (MODULE).
# The Maven stage is identical for all modules, so BuildKit runs it once and reuses it.
ARG JAVA_VERSION=17

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
ENV SWITCHBOARD_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError"
VOLUME /data
ENTRYPOINT ["java", "-jar", "application.jar"]
