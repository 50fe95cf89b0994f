package io.possync.connector.mpluskassa;

import io.possync.connector.mpluskassa.internal.DocumentSink;
import io.possync.connector.mpluskassa.internal.MplusSession;

/**
 * Offers in MplusKASSA (FACTS.md §7): {@code saveProposal} with {@code extProposalId} = the source's
 * order number ("create offer"), lines as {@link MplusOrders} writes them, no payments. MplusKASSA
 * has no lookup by {@code extProposalId}: existence is read from the proposals by sync marker, once per
 * lookup, and an {@code EXT-PROPOSAL-ID-ALREADY-EXISTS} answer is resolved the same way. Offers are not
 * changed after they were saved.
 *
 * <pre>{@code
 * Flow.orders("erp-quotes-to-till").from(erp.salesQuotes()).to(mplus.proposals())
 *         .customers(mplus.relations()).products(mplus.articles()).defaultDebtor("0").build();
 * }</pre>
 * Thread-safe.
 */
public final class MplusProposals extends MplusDocumentSink {

    MplusProposals(MplusSession session) {
        super(session, DocumentSink.Kind.PROPOSAL, "proposal");
    }
}
