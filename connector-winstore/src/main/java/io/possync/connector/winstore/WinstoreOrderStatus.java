package io.possync.connector.winstore;

import io.possync.api.OrderStatus;
import io.possync.api.OrderStatusSink;
import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;
import io.possync.api.http.ApiResponse;
import io.possync.connector.winstore.internal.WinstoreAnswers;
import io.possync.connector.winstore.internal.WinstoreNames.Operation;
import io.possync.connector.winstore.internal.WinstoreNames.StatusBody;
import io.possync.connector.winstore.internal.WinstoreNames.StatusWord;
import io.possync.connector.winstore.internal.WinstoreSession;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;

/**
 * The status of an order Winstore holds, set from the ERP — through {@code PostOrderStatusWithStatusCode}
 * with {@code <orderstatus><ordernr/><status/></orderstatus>}, an operation no public source confirms
 * (PROPOSAL, the lowest confidence; README "UNCONFIRMED"), available only when the settings switch it on
 * ({@code statusWrites}). Words: open → {@code new}, paid → {@code processing}, shipped and completed →
 * {@code completed}, cancelled and refunded → {@code cancelled}. An order Winstore does not know (404) is
 * a rejection.
 *
 * <pre>{@code
 * Flow.orderStatus("erp-status").from(businessCentral.salesOrders()).to(winstore.orderStatus()).build();
 * }</pre>
 * Thread-safe.
 */
public final class WinstoreOrderStatus extends WinstoreCapability implements OrderStatusSink {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newInstance();

    WinstoreOrderStatus(WinstoreSession session) {
        super(session);
    }

    @Override
    public void writeStatus(Ref order, OrderStatus status) {
        ApiResponse answer = session.postAccepting(Operation.POST_ORDER_STATUS, body(order.id(), StatusWord.of(status)), true, 404);
        if (answer.status() == 404) {
            throw RecordRejectedException.builder("Winstore knows no order " + order.id()
                    + WinstoreAnswers.message(answer).map(m -> " (" + m + ")").orElse("")).record(order).vendorCode("404").build();
        }
    }

    private static String body(String ordernr, String status) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement(StatusBody.ROOT);
            x.writeStartElement(StatusBody.ORDER_NUMBER);
            x.writeCharacters(ordernr);
            x.writeEndElement();
            x.writeStartElement(StatusBody.STATUS);
            x.writeCharacters(status);
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the status body could not be written", e);
        }
        return out.toString();
    }
}
