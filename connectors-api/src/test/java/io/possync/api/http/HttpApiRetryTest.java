package io.possync.api.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.possync.api.AuthenticationException;
import io.possync.api.RecordRejectedException;
import io.possync.api.TransientException;
import io.possync.api.WriteOutcomeUnknownException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HttpApiRetryTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private final List<Duration> sleeps = new ArrayList<>();

    /** Sleeps are recorded and skipped, and the clock jumps ahead by them, so retries run without waiting. */
    private final TimeSource recordingTime = new TimeSource() {
        private long slept;

        @Override
        public java.time.Instant now() {
            return java.time.Instant.now().plusNanos(slept);
        }

        @Override
        public long nanoTime() {
            return System.nanoTime() + slept;
        }

        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
            slept += d.toNanos();
        }
    };

    private HttpApi api(RetryPolicy policy) {
        return HttpApi.builder("testvendor", URI.create(server.baseUrl() + "/api/"))
                .retryPolicy(policy)
                .timeSource(recordingTime)
                .requestTimeout(Duration.ofMillis(500))
                .build();
    }

    private HttpApi api() {
        return api(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(100)).jitter(0).build());
    }

    private void failThenSucceed(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder failure) {
        server.stubFor(get(path).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(failure).willSetStateTo("ok"));
        server.stubFor(get(path).inScenario(path).whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200).withBody("{\"ok\":true}")));
    }

    @Test
    void a429WithRetryAfterSecondsWaitsThatLongThenSucceeds() {
        failThenSucceed("/api/items", aResponse().withStatus(429).withHeader("Retry-After", "7"));

        assertThat(api().sendForJson(ApiRequest.get("items").build()).path("ok").asBoolean()).isTrue();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
        server.verify(2, getRequestedFor(urlPathEqualTo("/api/items")));
    }

    @Test
    void a429WithRetryAfterAsAnHttpDateWaitsUntilThatDate() {
        String in30s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        failThenSucceed("/api/items", aResponse().withStatus(429).withHeader("Retry-After", in30s));

        api().send(ApiRequest.get("items").build());

        assertThat(sleeps).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(31)));
    }

    @Test
    void a429WithoutRetryAfterBacksOffExponentially() {
        server.stubFor(get("/api/items").willReturn(aResponse().withStatus(429)));

        assertThatThrownBy(() -> api().send(ApiRequest.get("items").build()))
                .isInstanceOfSatisfying(TransientException.class, e -> assertThat(e.httpStatus()).contains(429));
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        server.verify(4, getRequestedFor(urlPathEqualTo("/api/items")));
    }

    @Test
    void a503IsRetriedAndThenSucceeds() {
        failThenSucceed("/api/items", aResponse().withStatus(503));

        assertThat(api().send(ApiRequest.get("items").build()).status()).isEqualTo(200);
    }

    @Test
    void aRetryAfterLongerThanAllowedFailsAtOnce() {
        server.stubFor(get("/api/items").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        assertThatThrownBy(() -> api().send(ApiRequest.get("items").build()))
                .isInstanceOfSatisfying(TransientException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void retriesStopWhenTheElapsedBudgetWouldBeExceeded() {
        server.stubFor(get("/api/items").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "50")));
        HttpApi api = api(RetryPolicy.builder().maxAttempts(10).maxElapsed(Duration.ofSeconds(120)).build());

        assertThatThrownBy(() -> api.send(ApiRequest.get("items").build())).isInstanceOf(TransientException.class);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void aTimedOutReadIsRetried() {
        failThenSucceed("/api/items", aResponse().withStatus(200).withFixedDelay(2000));

        assertThat(api().send(ApiRequest.get("items").build()).status()).isEqualTo(200);
    }

    @Test
    void aTimedOutCreateIsNotResentAndReportsAnUnknownOutcome() {
        server.stubFor(post("/api/customers").willReturn(aResponse().withStatus(201).withFixedDelay(2000)));

        assertThatThrownBy(() -> api().send(ApiRequest.post("customers", "{\"name\":\"x\"}").build()))
                .isInstanceOf(WriteOutcomeUnknownException.class);
        server.verify(1, postRequestedFor(urlPathEqualTo("/api/customers")));
    }

    @Test
    void aDroppedConnectionOnACreateIsNotResent() {
        server.stubFor(post("/api/customers").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> api().send(ApiRequest.post("customers", "{}").build()))
                .isInstanceOf(WriteOutcomeUnknownException.class);
        server.verify(1, postRequestedFor(urlPathEqualTo("/api/customers")));
    }

    @Test
    void a502OnACreateIsAnUnknownOutcome() {
        server.stubFor(post("/api/customers").willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> api().send(ApiRequest.post("customers", "{}").build()))
                .isInstanceOf(WriteOutcomeUnknownException.class);
        server.verify(1, postRequestedFor(urlPathEqualTo("/api/customers")));
    }

    @Test
    void a429OnACreateIsRetriedBecauseTheServerDidNotProcessIt() {
        server.stubFor(post("/api/customers").inScenario("c").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        server.stubFor(post("/api/customers").inScenario("c").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(201).withBody("{\"id\":\"1\"}")));

        assertThat(api().send(ApiRequest.post("customers", "{}").build()).status()).isEqualTo(201);
        server.verify(2, postRequestedFor(urlPathEqualTo("/api/customers")));
    }

    @Test
    void a401IsAnAuthenticationFailureWhenTheAuthenticatorCannotRenew() {
        server.stubFor(get("/api/items").willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> api().send(ApiRequest.get("items").build()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.system()).isEqualTo("testvendor"));
        server.verify(1, getRequestedFor(urlPathEqualTo("/api/items")));
    }

    @Test
    void a400IsARecordRejectionWithoutTheRawBody() {
        server.stubFor(post("/api/customers").willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"secret-internal-detail anna@example.com\"}")));

        assertThatThrownBy(() -> api().send(ApiRequest.post("customers", "{}").build()))
                .isInstanceOf(RecordRejectedException.class)
                .hasMessageNotContaining("secret-internal-detail")
                .hasMessageContaining("HTTP 400");
    }

    @Test
    void aNotFoundTheCallerAcceptsIsReturned() {
        server.stubFor(get("/api/items/9").willReturn(aResponse().withStatus(404)));

        assertThat(api().send(ApiRequest.get("items/9").accept(404).build()).status()).isEqualTo(404);
    }

    @Test
    void aMalformedJsonBodyIsATransientFailure() {
        server.stubFor(get("/api/items").willReturn(aResponse().withStatus(200).withBody("<html>proxy error")));

        assertThatThrownBy(() -> api().sendForJson(ApiRequest.get("items").build()))
                .isInstanceOf(TransientException.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void anAbsoluteNextLinkIsFollowedVerbatim() {
        server.stubFor(get(urlPathEqualTo("/other/page2")).willReturn(aResponse().withStatus(200).withBody("{}")));

        api().send(ApiRequest.get(server.baseUrl() + "/other/page2?$skiptoken=abc").build());

        server.verify(getRequestedFor(urlPathEqualTo("/other/page2")));
    }

    @Test
    void queryParametersAreEncoded() {
        server.stubFor(get(urlPathEqualTo("/api/items")).willReturn(aResponse().withStatus(200).withBody("{}")));

        api().send(ApiRequest.get("items").query("$filter", "number eq 'A B'").build());

        server.verify(getRequestedFor(urlPathEqualTo("/api/items"))
                .withQueryParam("$filter", com.github.tomakehurst.wiremock.client.WireMock.equalTo("number eq 'A B'")));
    }

    @Test
    void everyAttemptIsCounted() {
        failThenSucceed("/api/items", aResponse().withStatus(503));
        HttpApi api = api();

        api.send(ApiRequest.get("items").build());

        assertThat(api.requests().count()).isEqualTo(2);
    }
}
