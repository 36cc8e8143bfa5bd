# Multi-stage build of the callcluster executable.
#   docker build -t callcluster:latest .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props CallCluster.sln ./
COPY Sip/ Sip/
COPY Actors/ Actors/
COPY Gateway/ Gateway/
COPY Media/ Media/
COPY Terminal/ Terminal/
COPY Host/ Host/
# Ahead-of-time compiled (ReadyToRun): a pod starts and answers /readyz in about 60 % of the time
# and CPU of a JIT-only build, which shortens rolling restarts and the window in which a starting
# node competes with its own heartbeats (BENCHMARKS.md, "ReadyToRun start-up").
RUN dotnet publish Host/CallCluster.Host.csproj -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN groupadd --gid 10001 callcluster && useradd --uid 10001 --gid 10001 --no-create-home callcluster
WORKDIR /app
COPY --from=build /app ./
USER 10001:10001
# SIP (UDP and TCP), HTTP, Akka remoting. RTP ports come from Media:RtpPortRange (host network).
EXPOSE 5060/udp 5060/tcp 8080/tcp 4053/tcp
ENV DOTNET_gcServer=1 \
    CALLCLUSTER_Http__Listen=http://0.0.0.0:8080
ENTRYPOINT ["dotnet", "/app/callcluster.dll"]
CMD ["run"]
