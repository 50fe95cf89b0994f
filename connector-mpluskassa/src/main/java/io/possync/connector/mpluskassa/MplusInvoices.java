package io.possync.connector.mpluskassa;

import io.possync.connector.mpluskassa.internal.DocumentSink;
import io.possync.connector.mpluskassa.internal.MplusSession;

/**
 * Invoices in MplusKASSA (FACTS.md §6): {@code saveInvoice} with {@code extInvoiceId} = the source's order
 * number, looked up with {@code findInvoice} before any write, lines and payments as {@link MplusOrders}
 * writes them. For flows that hand MplusKASSA finished sales to invoice (the flow's {@code kind(INVOICE)}).
 * Invoices are not changed after they were saved.
 *
 * <pre>{@code
 * Flow.orders("erp-invoices-to-till").from(erp.salesInvoices()).to(mplus.invoices()).kind(OrderKind.INVOICE)
 *         .customers(mplus.relations()).products(mplus.articles()).defaultDebtor("0").build();
 * }</pre>
 * Thread-safe.
 */
public final class MplusInvoices extends MplusDocumentSink {

    MplusInvoices(MplusSession session) {
        super(session, DocumentSink.Kind.INVOICE, "invoice");
    }
}
