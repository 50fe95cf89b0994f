package io.possync.core.internal.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.CanonicalRecord;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.core.state.Link;

/** A record on its way through the pipeline: its JSON, hash and link, then the target found for it or why it was refused. */
final class Candidate {
    final CanonicalRecord record;
    final ObjectNode json;
    final String hash;
    final Link link;
    Ref target;
    boolean create;
    RecordRejectedException refused;

    Candidate(CanonicalRecord record, ObjectNode json, String hash, Link link) {
        this.record = record;
        this.json = json;
        this.hash = hash;
        this.link = link;
    }

    Ref ref() {
        return record.sourceRef();
    }
}
