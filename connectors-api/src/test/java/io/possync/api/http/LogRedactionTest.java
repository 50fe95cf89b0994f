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

    @Test
    void soapBodiesInLogLinesHaveTheirPersonalAndSecretElementsMasked() {
        server.stubFor(post(urlPathEqualTo("/soap")).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
                .withBody("<Envelope><Body><ns1:CreateRelationResponse><ns1:result>OK</ns1:result><ns1:relation>"
                        + "<ns1:name>Anna de Vries</ns1:name><ns1:telephone>+31 6 1234 5678</ns1:telephone>"
                        + "</ns1:relation></ns1:CreateRelationResponse></Body></Envelope>")));
        String body = "<Envelope><Body><ns1:createRelation><ns1:relation><ns1:name>Anna de Vries</ns1:name>"
                + "<ns1:address>Keizersgracht 1</ns1:address><ns1:zipcode>1015 CJ</ns1:zipcode>"
                + "<ns1:email>anna.devries@example.com</ns1:email><ns1:secret>basic-passw0rd</ns1:secret>"
                + "<ns1:extRelationId>77</ns1:extRelationId></ns1:relation></ns1:createRelation></Body></Envelope>";
        HttpApi soap = HttpApi.builder("vendor", URI.create(server.baseUrl() + "/"))
                .authenticator(Authenticator.apiKeyQuery("secret", Secret.of("query-k3y"))).build();

        soap.send(ApiRequest.method("POST", "soap").body(body, "text/xml; charset=utf-8").build());

        String all = String.join("\n", captured.list.stream().filter(e -> e.getLoggerName().startsWith("io.possync"))
                .map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(all).contains("<ns1:name><redacted></ns1:name>").contains("<ns1:extRelationId>77</ns1:extRelationId>")
                .contains("<ns1:result>OK</ns1:result>");
        for (String secret : List.of("basic-passw0rd", "query-k3y")) {
            assertThat(all).doesNotContain(secret);
        }
        for (String personal : List.of("Anna de Vries", "Keizersgracht", "1015 CJ", "anna.devries@example.com", "+31 6 1234 5678")) {
            assertThat(all).doesNotContain(personal);
        }
    }
}
