package io.possync.api.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the settings of every HTTP connector have: the timeout of one request, how transient failures
 * are retried, the clock and sleep, and how many records one read asks for. Each connector's settings
 * hold one as {@code connection()}, and each connector's settings builder extends {@link Builder}, so
 * these are set the same way everywhere:
 *
 * <pre>{@code
 * MplusSettings settings = MplusSettings.builder(44281, ident, Secret.of(secret))
 *         .requestTimeout(Duration.ofSeconds(30))
 *         .retryPolicy(RetryPolicy.builder().maxAttempts(8).build())
 *         .pageSize(500)
 *         .build();
 * Duration timeout = settings.connection().requestTimeout();
 * }</pre>
 *
 * <p>A shared {@link RateLimiter} is not part of the settings: one limiter must span every connection
 * of an account, so it is passed to the connector's {@code connect(settings, limiter)}.
 *
 * @param requestTimeout timeout of one request
 * @param retryPolicy    retries of transient failures
 * @param timeSource     clock and sleep for retries, tokens and rate limits
 * @param pageSize       records asked for per read
 */
public record ConnectionSettings(Duration requestTimeout, RetryPolicy retryPolicy, TimeSource timeSource, int pageSize) {

    public ConnectionSettings {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(timeSource, "timeSource");
    }

    /**
     * What is wrong with these settings for an API that returns at most {@code maxPageSize} records per
     * read, one sentence per problem (empty when nothing is). The connector's settings add them to their
     * own problems, so a user learns of every mistake at once.
     */
    public List<String> problems(int maxPageSize) {
        List<String> problems = new ArrayList<>();
        if (requestTimeout.isZero() || requestTimeout.isNegative()) {
            problems.add("requestTimeout must be positive, was " + requestTimeout);
        }
        if (pageSize < 1 || pageSize > maxPageSize) {
            problems.add("pageSize must be between 1 and " + maxPageSize + ", was " + pageSize);
        }
        return problems;
    }

    /**
     * The part of a connector's settings builder that sets the {@link ConnectionSettings}; the
     * connector's builder extends it with its own settings.
     *
     * @param <B> the connector's builder
     */
    public abstract static class Builder<B extends Builder<B>> {
        private Duration requestTimeout;
        private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();
        private TimeSource timeSource = TimeSource.system();
        private int pageSize;

        /** A builder with the connector's defaults for the request timeout and the page size. */
        protected Builder(Duration requestTimeout, int pageSize) {
            this.requestTimeout = requestTimeout;
            this.pageSize = pageSize;
        }

        /** A builder starting from {@code connection}, for a settings' {@code toBuilder()}. */
        protected Builder(ConnectionSettings connection) {
            this(connection.requestTimeout(), connection.pageSize());
            this.retryPolicy = connection.retryPolicy();
            this.timeSource = connection.timeSource();
        }

        /** This builder, as its own type. */
        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** Timeout of one request. */
        public B requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "requestTimeout");
            return self();
        }

        /** How transient failures (timeouts, 429, 5xx) are retried. */
        public B retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return self();
        }

        /** Clock and sleep (tests pass a scaled or manual one). */
        public B timeSource(TimeSource time) {
            this.timeSource = Objects.requireNonNull(time, "timeSource");
            return self();
        }

        /** Records asked for per read. */
        public B pageSize(int records) {
            this.pageSize = records;
            return self();
        }

        /** The connection settings set so far. */
        protected ConnectionSettings connection() {
            return new ConnectionSettings(requestTimeout, retryPolicy, timeSource, pageSize);
        }
    }
}
