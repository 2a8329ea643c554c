# MetaTrader MCP Server: Streamable HTTP at /mcp, REST at /api/v1, WebSocket streams at /ws, health at /healthz.
# The container listens on 0.0.0.0:8080, which the server allows only with authentication configured: mount a
# configuration file with server.auth (API keys as SHA-256 hashes, or OAuth) at /etc/mtmcp/mtmcp.json. See docs/mcp-server.md.
#
#   docker build -t mtmcp .
#   docker run --rm -p 8080:8080 -v $PWD/mtmcp.json:/etc/mtmcp/mtmcp.json:ro -v mtmcp-data:/data mtmcp

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
# Set by BuildKit to the image's architecture (amd64, arm64); the publish precompiles for it.
ARG TARGETARCH=amd64
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/ src/
# The server embeds docs/strategy-language.md as its mt://docs/strategy-language resource.
COPY docs/strategy-language.md docs/
# ReadyToRun: the methods are precompiled for the image's platform, so the server answers its first call sooner
# (about 0.4 s instead of 0.6 s from process start, docs/performance.md) and does not JIT its hot paths at start.
RUN dotnet publish src/MtMcp.Cli/MtMcp.Cli.csproj -c Release -a $TARGETARCH --self-contained false -p:PublishReadyToRun=true -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data /etc/mtmcp && chown -R app:app /data
USER app
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["dotnet", "mtmcp.dll", "--data-dir", "/data", "--config", "/etc/mtmcp/mtmcp.json"]
CMD ["serve", "--http", "--urls", "http://0.0.0.0:8080"]
