# syntax=docker/dockerfile:1
# Build: the same Maven command as README, tests skipped (CI runs them).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY config ./config
RUN mvn -B -q package -DskipTests

# Run: a small JRE, a non-root user, the shaded jar only.
FROM eclipse-temurin:17-jre-alpine
RUN addgroup -S investigator && adduser -S -G investigator -h /app investigator
WORKDIR /app
COPY --from=build /src/target/investigator.jar /app/investigator.jar
COPY config/investigator.example.yml /app/config/investigator.example.yml
USER investigator
# TieredStopAtLevel=1: C1 only. The bot waits on Slack and vendor APIs, not on CPU; C2's compiler threads took
# the two cores from the first bursts of acks after a start (BENCHMARKS.md, "Ack latency").
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1"
ENTRYPOINT ["java", "-jar", "/app/investigator.jar"]
# The sandbox demo needs no accounts; pass `investigate <service> [window]` with real credentials instead.
CMD ["demo", "checkout", "30m"]
