# Build stage: the same Maven build as ./run.sh, minus the engine module (containers use the official image).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -pl search-api -am package dependency:copy-dependencies -DincludeScope=runtime \
 && mkdir -p /app/indexer /app/search-api \
 && cp -r indexer/target/classes /app/indexer/classes && cp -r indexer/target/dependency /app/indexer/lib \
 && cp -r search-api/target/classes /app/search-api/classes && cp -r search-api/target/dependency /app/search-api/lib

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /app
WORKDIR /app
