package dev.investigator.sandbox.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fake's HTTP side on 127.0.0.1: {@code POST /api/<method>} for the Web API and
 * {@code POST /response/<id>} for response_url posts. It is the JDK server on purpose: the Slack client's
 * empty-body form POSTs ({@code auth.test}, Content-Length 0) went unanswered by MockWebServer.
 */
final class WebApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebApiServer.class);
    private static final String API = "/api/";
    private static final String RESPONSE = "/response/";

    private final WebApi api;
    private final Journal<ApiCall> calls;
    private final Journal<ResponsePost> responses;
    private final Json json;
    private final Clock clock;
    private final Set<String> responseIds = ConcurrentHashMap.newKeySet();
    private HttpServer server;
    private ExecutorService workers;

    private WebApiServer(WebApi api, Journal<ApiCall> calls, Journal<ResponsePost> responses, Json json,
                         Clock clock) {
        this.api = api;
        this.calls = calls;
        this.responses = responses;
        this.json = json;
        this.clock = clock;
    }

    static WebApiServer start(WebApi api, Journal<ApiCall> calls, Journal<ResponsePost> responses, Json json,
                              Clock clock) throws IOException {
        WebApiServer s = new WebApiServer(api, calls, responses, json, clock);
        s.workers = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "fake-slack-web-api");
            t.setDaemon(true);
            return t;
        });
        s.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        s.server.createContext(API, s::serveApi);
        s.server.createContext(RESPONSE, s::serveResponse);
        s.server.setExecutor(s.workers);
        s.server.start();
        return s;
    }

    String apiUrl() {
        return base() + API;
    }

    String responseUrlBase() {
        return base() + RESPONSE;
    }

    /** A fresh response_url, as Slack puts one in every slash command and block action. */
    String newResponseUrl() {
        String id = UUID.randomUUID().toString().replace("-", "");
        responseIds.add(id);
        return responseUrlBase() + id;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serveApi(HttpExchange exchange) {
        long arrived = System.nanoTime();
        String method = exchange.getRequestURI().getPath().substring(API.length());
        Reply reply;
        try {
            RequestParams request = RequestParams.decode(exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestURI().getRawQuery(),
                    readBody(exchange), json);
            calls.add(new ApiCall(method, request.token(), request.params(), clock.instant(), arrived));
            reply = api.answer(method, request);
        } catch (IOException e) {
            log.debug("client went away while sending {}", method);
            exchange.close();
            return;
        } catch (RuntimeException e) {
            log.warn("FakeSlack failed on {}", method, e);
            reply = new Reply(500, Map.of(), "{\"ok\":false,\"error\":\"fatal_error\"}");
        }
        write(exchange, reply);
    }

    private void serveResponse(HttpExchange exchange) {
        long arrived = System.nanoTime();
        String id = exchange.getRequestURI().getPath().substring(RESPONSE.length());
        try {
            String body = readBody(exchange);
            if (!responseIds.contains(id) || !"POST".equals(exchange.getRequestMethod())) {
                write(exchange, new Reply(404, Map.of(), "{\"ok\":false,\"error\":\"invalid_response_url\"}"));
                return;
            }
            responses.add(new ResponsePost(id, body, clock.instant(), arrived));
            write(exchange, Reply.ok("{\"ok\":true}"));
        } catch (IOException e) {
            log.debug("client went away while posting to a response_url");
            exchange.close();
        }
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(HttpExchange exchange, Reply reply) {
        try (exchange) {
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            log.debug("client went away before the reply was written");
        }
    }
}
