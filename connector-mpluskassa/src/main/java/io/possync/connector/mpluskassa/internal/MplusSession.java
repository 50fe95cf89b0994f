package io.possync.connector.mpluskassa.internal;

import io.possync.connector.mpluskassa.MplusKassa;
import io.possync.api.TransientException;
import io.possync.api.WriteOutcomeUnknownException;
import io.possync.api.http.ApiRequest;
import io.possync.api.http.ApiResponse;
import io.possync.api.http.Authenticator;
import io.possync.api.http.Authorization;
import io.possync.api.http.HttpApi;
import io.possync.api.http.RateLimiter;
import io.possync.connector.mpluskassa.MplusSettings;
import org.w3c.dom.Element;

import java.util.Set;

/**
 * One MplusKASSA installation's SOAP session (FACTS.md §1, §11): SOAP 1.1 document/literal POSTs to
 * {@code https://api.mpluskassa.nl:{port}/} with {@code ident} and {@code secret} as query parameters
 * (redacted in every log line), the operation element as the body. SOAP faults come with HTTP 500:
 * a {@code Client…} fault code means the request must change (authentication when it says so, else a
 * rejection of the record), {@code Server…} may succeed later. Reads are retried on transient
 * failures; writes are sent once (a lost answer is an unknown outcome the caller reads back).
 * Thread-safe.
 */
public final class MplusSession {


    private final HttpApi api;
    private final MplusSettings settings;

    public MplusSession(MplusSettings settings, RateLimiter limiter) {
        this.settings = settings;
        this.api = HttpApi.builder(MplusKassa.SYSTEM, settings.baseUrl())
                .authenticator(credentials(settings)).rateLimiter(limiter)
                .errorTranslator(MplusErrors.translator()).connection(settings.connection())
                .build();
    }

    public HttpApi api() {
        return api;
    }

    public MplusSettings settings() {
        return settings;
    }

    private static Authenticator credentials(MplusSettings s) {
        return new Authenticator() {
            @Override
            public void authorize(Authorization a) {
                a.queryParameter("ident", s.ident());
                a.queryParameter("secret", s.secret().reveal());
            }

            @Override
            public Set<String> secretQueryParameters() {
                return Set.of("ident", "secret");
            }
        };
    }

    /** A read: retried on any transient failure, a broken answer included. Returns the response element. */
    public Element read(Xml.El operation) {
        return call(operation, true);
    }

    /** A write: sent once. Returns the response element. */
    public Element write(Xml.El operation) {
        return call(operation, false);
    }

    private Element call(Xml.El operation, boolean idempotent) {
        String envelope = Xml.envelope(operation);
        ApiRequest request = ApiRequest.method("POST", "").body(envelope, "text/xml; charset=utf-8")
                .header("SOAPAction", "\"\"").header("Accept", "text/xml").idempotent(idempotent).build();
        int attempts = idempotent ? 3 : 1;
        for (int attempt = 1; ; attempt++) {
            ApiResponse response = api.send(request);
            try {
                return Xml.bodyContent(Xml.parse(response.body())).orElseThrow(() -> new IllegalArgumentException("empty SOAP body"));
            } catch (Exception broken) {
                if (!idempotent) {
                    throw new WriteOutcomeUnknownException(MplusKassa.SYSTEM + ": the answer to a write was not SOAP, so whether it was applied"
                            + " is unknown", response.status(), broken);
                }
                if (attempt >= attempts) {
                    throw new TransientException(MplusKassa.SYSTEM + ": the answer was not SOAP (" + broken.getClass().getSimpleName() + ")", broken);
                }
            }
        }
    }

    /** The element's {@code result} child, e.g. {@code CREATE-ORDER-RESULT-OK}. */
    public static String result(Element response) {
        return Xml.text(response, "result").orElse("");
    }
}
