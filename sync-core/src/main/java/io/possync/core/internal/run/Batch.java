package io.possync.core.internal.run;

import io.possync.api.Ref;
import io.possync.core.state.Link;
import io.possync.core.state.RetryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What one page adds to the state store: links written, records queued for retry, records done. */
final class Batch {
    final List<Link> links = new ArrayList<>();
    final List<RetryEntry> retries = new ArrayList<>();
    final List<Ref> resolved = new ArrayList<>();
    /** The queue entries the page's records already had, so a new failure counts on from them. */
    Map<Ref, RetryEntry> existingRetries = Map.of();
}
