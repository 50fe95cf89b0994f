package io.possync.api.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.possync.api.AuthenticationException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OAuth2Test {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

    private Instant now = Instant.parse("2026-11-22T10:00:00Z");

    private final TimeSource clock = new TimeSource() {
        @Override
        public Instant now() {
            return now;
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration d) {
            now = now.plus(d);
        }
    };

    private URI tokenUri() {
        return URI.create(server.baseUrl() + "/oauth2/token");
    }

    private HttpApi api(Authenticator auth) {
        return HttpApi.builder("vendor", URI.create(server.baseUrl() + "/api")).authenticator(auth)
                .retryPolicy(RetryPolicy.none()).build();
    }

    private static String token(String access, int expiresIn) {
        return "{\"token_type\":\"Bearer\",\"access_token\":\"" + access + "\",\"expires_in\":" + expiresIn + "}";
    }

    @Test
    void clientCredentialsTokenIsFetchedOnceAndReused() {
        server.stubFor(post("/oauth2/token").willReturn(aResponse().withStatus(200).withBody(token("tok-1", 3600))));
        server.stubFor(get("/api/items").withHeader("Authorization", equalTo("Bearer tok-1")).willReturn(aResponse().withStatus(200)));
        HttpApi api = api(OAuth2ClientCredentials.builder(tokenUri(), "client", Secret.of("s3cret"))
                .scope("https://api.example/.default").timeSource(clock).build());

        api.send(ApiRequest.get("items").build());
        api.send(ApiRequest.get("items").build());

        server.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token"))
                .withRequestBody(containing("grant_type=client_credentials")).withRequestBody(containing("scope=")));
        server.verify(2, getRequestedFor(urlPathEqualTo("/api/items")));
    }

    @Test
    void clientCredentialsTokenIsRenewedBeforeItExpires() {
        server.stubFor(post("/oauth2/token").inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody(token("tok-1", 600))).willSetStateTo("second"));
        server.stubFor(post("/oauth2/token").inScenario("t").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(200).withBody(token("tok-2", 600))));
        server.stubFor(get("/api/items").willReturn(aResponse().withStatus(200)));
        HttpApi api = api(OAuth2ClientCredentials.builder(tokenUri(), "client", Secret.of("s3cret"))
                .refreshBeforeExpiry(Duration.ofMinutes(5)).timeSource(clock).build());

        api.send(ApiRequest.get("items").build());
        now = now.plus(Duration.ofMinutes(6));
        api.send(ApiRequest.get("items").build());

        server.verify(getRequestedFor(urlPathEqualTo("/api/items")).withHeader("Authorization", equalTo("Bearer tok-2")));
    }

    @Test
    void a401RenewsTheTokenAndRetriesOnce() {
        server.stubFor(post("/oauth2/token").inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(200).withBody(token("revoked", 3600))).willSetStateTo("second"));
        server.stubFor(post("/oauth2/token").inScenario("t").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(200).withBody(token("fresh", 3600))));
        server.stubFor(get("/api/items").withHeader("Authorization", equalTo("Bearer revoked")).willReturn(aResponse().withStatus(401)));
        server.stubFor(get("/api/items").withHeader("Authorization", equalTo("Bearer fresh")).willReturn(aResponse().withStatus(200)));
        HttpApi api = api(OAuth2ClientCredentials.builder(tokenUri(), "client", Secret.of("s3cret")).timeSource(clock).build());

        assertThat(api.send(ApiRequest.get("items").build()).status()).isEqualTo(200);
        server.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/token")));
    }

    @Test
    void refusedClientCredentialsAreAnAuthenticationFailureWithoutTheSecret() {
        server.stubFor(post("/oauth2/token").willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215 s3cret-value\"}")));
        HttpApi api = api(OAuth2ClientCredentials.builder(tokenUri(), "client", Secret.of("s3cret-value")).timeSource(clock).build());

        assertThatThrownBy(() -> api.send(ApiRequest.get("items").build()))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining("s3cret-value");
    }

    @Test
    void aRotatedRefreshTokenReachesTheCallbackAndIsUsedNextTime() {
        server.stubFor(post("/oauth2/token").withRequestBody(containing("refresh_token=rt-1"))
                .willReturn(aResponse().withStatus(200).withBody(
                        "{\"access_token\":\"at-1\",\"expires_in\":60,\"refresh_token\":\"rt-2\"}")));
        server.stubFor(post("/oauth2/token").withRequestBody(containing("refresh_token=rt-2"))
                .willReturn(aResponse().withStatus(200).withBody(
                        "{\"access_token\":\"at-2\",\"expires_in\":3600,\"refresh_token\":\"rt-3\"}")));
        server.stubFor(get("/api/items").willReturn(aResponse().withStatus(200)));
        List<String> stored = new ArrayList<>();
        HttpApi api = api(OAuth2RefreshToken.builder(tokenUri(), "client", Secret.of("s3cret"), Secret.of("rt-1"))
                .onRotation(t -> stored.add(t.reveal())).timeSource(clock).build());

        api.send(ApiRequest.get("items").build());
        now = now.plus(Duration.ofMinutes(2));
        api.send(ApiRequest.get("items").build());

        assertThat(stored).containsExactly("rt-2", "rt-3");
        server.verify(getRequestedFor(urlPathEqualTo("/api/items")).withHeader("Authorization", equalTo("Bearer at-2")));
    }

    @Test
    void anInvalidGrantIsAnAuthenticationFailure() {
        server.stubFor(post("/oauth2/token").willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid_grant\"}")));
        HttpApi api = api(OAuth2RefreshToken.builder(tokenUri(), "client", Secret.of("s3cret"), Secret.of("rt-old"))
                .timeSource(clock).build());

        assertThatThrownBy(() -> api.send(ApiRequest.get("items").build()))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining("invalid_grant");
    }

    @Test
    void aTokenEndpointOutageIsTransient() {
        server.stubFor(post("/oauth2/token").willReturn(aResponse().withStatus(503)));
        HttpApi api = api(OAuth2ClientCredentials.builder(tokenUri(), "client", Secret.of("s3cret")).timeSource(clock).build());

        assertThatThrownBy(() -> api.send(ApiRequest.get("items").build()))
                .isInstanceOf(io.possync.api.TransientException.class);
    }

    @Test
    void basicAuthAndApiKeysAreSent() {
        server.stubFor(get(urlPathEqualTo("/api/items")).willReturn(aResponse().withStatus(200)));

        api(Authenticator.basic("user", Secret.of("pw"))).send(ApiRequest.get("items").build());
        api(Authenticator.apiKeyHeader("X-Api-Key", Secret.of("k1"))).send(ApiRequest.get("items").build());
        api(Authenticator.apiKeyQuery("apikey", Secret.of("k2"))).send(ApiRequest.get("items").build());

        server.verify(getRequestedFor(urlPathEqualTo("/api/items")).withHeader("Authorization", equalTo("Basic dXNlcjpwdw==")));
        server.verify(getRequestedFor(urlPathEqualTo("/api/items")).withHeader("X-Api-Key", equalTo("k1")));
        server.verify(getRequestedFor(urlPathEqualTo("/api/items")).withQueryParam("apikey", equalTo("k2")));
    }

    @Test
    void aSecretNeverPrintsItsValue() {
        assertThat(Secret.of("hunter2")).hasToString("******");
    }
}
