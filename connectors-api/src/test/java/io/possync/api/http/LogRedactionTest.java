package io.possync.api.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** Captures every log line the toolkit writes at DEBUG and checks none holds a secret or personal data. */
class LogRedactionTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private static final List<String> SECRETS = List.of("client-s3cret", "access-t0ken", "refresh-t0ken-1",
            "refresh-t0ken-2", "basic-passw0rd", "query-k3y", "header-k3y");
    private static final List<String> PERSONAL = List.of("anna.devries@example.com", "+31 6 1234 5678", "Keizersgracht");

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level previous;

    @BeforeEach
    void capture() {
        previous = root.getLevel();
        root.setLevel(Level.TRACE);
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
        root.setLevel(previous);
    }

    @Test
    void noLogLineContainsASecretOrPersonalData() {
        server.stubFor(post("/oauth2/token").willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"access-t0ken\",\"expires_in\":3600,\"refresh_token\":\"refresh-t0ken-2\"}")));
        server.stubFor(post(urlPathEqualTo("/api/customers")).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"1\",\"email\":\"anna.devries@example.com\",\"phoneNumber\":\"+31 6 1234 5678\","
                        + "\"addressLine1\":\"Keizersgracht 1\",\"note\":\"call anna.devries@example.com\"}")));
        server.stubFor(get(urlPathEqualTo("/api/customers")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")));
        String body = "{\"displayName\":\"Anna de Vries\",\"email\":\"anna.devries@example.com\","
                + "\"phoneNumber\":\"+31 6 1234 5678\",\"address\":{\"street\":\"Keizersgracht 1\"},\"password\":\"basic-passw0rd\"}";
        URI base = URI.create(server.baseUrl() + "/api");
        URI token = URI.create(server.baseUrl() + "/oauth2/token");

        HttpApi oauth = HttpApi.builder("vendor", base).authenticator(OAuth2RefreshToken.builder(token, "client",
                Secret.of("client-s3cret"), Secret.of("refresh-t0ken-1")).build()).build();
        oauth.send(ApiRequest.post("customers", body).build());
        HttpApi basic = HttpApi.builder("vendor", base).authenticator(Authenticator.basic("u", Secret.of("basic-passw0rd")))
                .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build();
        try {
            basic.send(ApiRequest.get("customers").query("email", "anna.devries@example.com").build());
        } catch (io.possync.api.TransientException expected) {
            // 429 twice: the retry is logged too
        }
        HttpApi keyed = HttpApi.builder("vendor", base).authenticator(Authenticator.apiKeyQuery("key", Secret.of("query-k3y"))).build();
        keyed.send(ApiRequest.post("customers", body).build());
        HttpApi header = HttpApi.builder("vendor", base).authenticator(Authenticator.apiKeyHeader("X-Api-Key", Secret.of("header-k3y"))).build();
        header.send(ApiRequest.post("customers", body).build());

        List<String> lines = captured.list.stream()
                .filter(e -> e.getLoggerName().startsWith("io.possync"))
                .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage()))
                .toList();
        assertThat(lines).as("the toolkit logs requests at DEBUG").hasSizeGreaterThan(6);
        assertThat(String.join("\n", lines)).contains("POST").contains("429")
                .as("bodies and query strings are logged, masked").contains("<redacted>").contains("key=***");
        for (String line : lines) {
            for (String s : SECRETS) {
                assertThat(line).as("log line must not contain secret").doesNotContain(s);
            }
            for (String p : PERSONAL) {
                assertThat(line).as("log line must not contain personal data").doesNotContain(p);
            }
        }
    }
}
