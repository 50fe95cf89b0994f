package io.possync.connector.buchhaltungsbutler;

import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.api.internal.Json;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;

import java.time.Duration;
import java.time.Instant;

/** The sandbox and settings the tests share: a German tenant, its revenue accounts and VAT keys, one clock. */
final class Sandboxes {

    static final Instant START = Instant.parse("2026-11-02T07:00:00Z");

    private Sandboxes() {
    }

    /** A clock 50 times faster than real time, so the 5-second batch pacing and the minute budget take little time. */
    static ScaledTime fastTime() {
        return ScaledTime.startingAt(START, 50);
    }

    static BuchhaltungsButlerSandbox start(ScaledTime time) {
        BuchhaltungsButlerSandbox bb = BuchhaltungsButlerSandbox.builder().time(time).start();
        bb.seedDebtor(Json.MAPPER.createObjectNode().put("postingaccount_number", "10000").put("name", "Barverkauf"));
        return bb;
    }

    /**
     * 19 % and 7 % to 8400 and 8300 everywhere except 19 % to Austria (8338, an OSS account); 0 % to 8120 in
     * Germany and 8125 (intra-EU) elsewhere; VAT keys 19_vat, 7_vat, 0_none by default.
     */
    static BuchhaltungsButlerSettings.Builder settings(BuchhaltungsButlerSandbox bb, ScaledTime time) {
        return BuchhaltungsButlerSettings.builder(bb.apiClient(), Secret.of(bb.apiSecret()), Secret.of(bb.apiKey()))
                .baseUrl(bb.apiUri())
                .revenueAccount("*", "19", 8400).revenueAccount("AT", "19", 8338).revenueAccount("*", "7", 8300)
                .revenueAccount("DE", "0", 8120).revenueAccount("*", "0", 8125)
                .debtorAccounts(10000, 69999)
                .timeSource(time)
                .retryPolicy(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5))
                        .maxElapsed(Duration.ofMinutes(30)).build());
    }

    /** The revenue account the tests expect for a line to {@code country} at {@code rate}. */
    static int expectedAccount(String country, String rate) {
        return switch (rate) {
            case "19" -> country.equals("AT") ? 8338 : 8400;
            case "7" -> 8300;
            default -> country.equals("DE") ? 8120 : 8125;
        };
    }

    /** The VAT key the tests expect at {@code rate}. */
    static String expectedVatKey(String rate) {
        return switch (rate) {
            case "19" -> "19_vat";
            case "7" -> "7_vat";
            default -> "0_none";
        };
    }
}
