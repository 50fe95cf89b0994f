package io.possync.examples.readme;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.possync.api.http.Secret;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButler;
import io.possync.connector.buchhaltungsbutler.BuchhaltungsButlerSettings;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.connector.mpluskassa.MplusKassa;
import io.possync.connector.mpluskassa.MplusSettings;
import io.possync.testkit.Fault;
import io.possync.testkit.ScaledTime;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.mpluskassa.MplusSandbox;
import io.possync.testkit.shop.SandboxFill;
import io.possync.testkit.shop.SyntheticShop;
import io.possync.connector.accountview.AccountViewSettings;
import io.possync.connector.accountview.AccountView;
import io.possync.connector.winstore.WinstoreSettings;
import io.possync.connector.winstore.Winstore;
import io.possync.testkit.accountview.AccountViewSandbox;
import io.possync.testkit.winstore.WinstoreSandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java snippets of testkit/README.md, compiled; {@code ReadmeSnippetsTest} keeps the two equal. */
final class TestkitReadmeSnippets {

    private TestkitReadmeSnippets() {
    }

    static void businessCentral() {
        // snippet business-central-sandbox
        try (BusinessCentralSandbox bc = BusinessCentralSandbox.builder().pageSize(50).start()) {
            bc.seed("items", Map.of("number", "1896-S", "displayName", "ATHENS Desk"));
            BusinessCentral connector = BusinessCentral.connect(BusinessCentralSettings.builder(
                    BusinessCentralSettings.cloud(bc.tenant(), bc.environment(), bc.clientId(), Secret.of(bc.clientSecret())),
                    bc.companyName())
                    .apiHost(bc.apiHost()).loginHost(bc.loginHost()).build());
            bc.faults().next(Fault.status(429)).nextWrite(Fault.lostResponse());
            // … run flows with connector.items(), connector.salesInvoices(), …
            assertThat(bc.rows("salesInvoices")).hasSize(10);
        }
        // end snippet
    }

    static void lightspeed() {
        // snippet lightspeed-sandbox
        ScaledTime time = ScaledTime.startingAt(Instant.parse("2026-11-01T09:00:00Z"), 1_000);  // optional
        try (LightspeedSandbox pos = LightspeedSandbox.builder().shop("Amsterdam").shop("Utrecht").time(time).start()) {
            ObjectNode mug = pos.seed("Item", Map.of("description", "Mug", "customSku", "MUG-1"));
            pos.faults().next(Fault.status(429));
            // connector: apiUri() in place of Lightspeed's API root, tokenUri() for the token endpoint,
            // clientId(), clientSecret(), and the last of issuedRefreshTokens()
        }
        // end snippet
    }

    static void buchhaltungsButler(Instant start) {
        // snippet buchhaltungsbutler-sandbox
        try (BuchhaltungsButlerSandbox bb = BuchhaltungsButlerSandbox.builder().time(ScaledTime.startingAt(start, 50)).start()) {
            bb.seedDebtor(Map.of("postingaccount_number", "10000", "name", "Barverkauf"));
            BuchhaltungsButler butler = BuchhaltungsButler.connect(BuchhaltungsButlerSettings
                    .builder(bb.apiClient(), Secret.of(bb.apiSecret()), Secret.of(bb.apiKey())).baseUrl(bb.apiUri())
                    .revenueAccount("*", "19", 8400).build());
            bb.faults().randomly(0.10, 0.02, 7);
            // … run flows with butler.receipts(), butler.debtors() …
            assertThat(bb.receipts()).allSatisfy(r -> assertThat(r.path("postings")).isNotEmpty());
        }
        // end snippet
    }

    static void mplusKassa() {
        // snippet mpluskassa-sandbox
        try (MplusSandbox mplus = MplusSandbox.builder().start()) {
            mplus.seedArticle(100001, "T-shirt", 1995);              // price including VAT, in cents
            MplusKassa connector = MplusKassa.connect(MplusSettings.builder(0, mplus.ident(), Secret.of(mplus.secret()))
                    .baseUrl(mplus.apiUri()).build());
            mplus.ringUp(100001, 2, "CASH", 0);                        // a sale at the till: a receipt
            mplus.faults().randomly(0.05, 0.02, 3);
            // … run flows with connector.receipts(), connector.orders(), …
            assertThat(mplus.orders()).hasSize(1000);
            List<String> sent = mplus.receivedBodies();                // every request as sent, e.g. for a schema check
        }
        // end snippet
    }

    static void fill() {
        // snippet sandbox-fill
        SyntheticShop shop = SyntheticShop.builder().orders(200).skus(20).build();
        try (LightspeedSandbox pos = LightspeedSandbox.builder().start();
             BusinessCentralSandbox erp = BusinessCentralSandbox.builder().start()) {
            SandboxFill.into(pos, shop);         // items, customers, 200 completed sales
            SandboxFill.into(erp, shop);         // items and customers the ERP already knows
            // … run flows between them …
        }
        // end snippet
    }

    static void winstore() {
        // snippet winstore-sandbox
        try (WinstoreSandbox store = WinstoreSandbox.builder().limitPerMinute(120).start()) {
            long artkey = store.seedArticle(Map.of("artnr", "1001", "description", "Runner shoe", "price_incl", "59.95",
                    "variants", List.of(Map.of("gtin", "08712345678906", "size", "42", "colour", "black"))));
            store.setStock("08712345678906", 1, 5, 1);                 // GTIN, warehouse, quantity, reserved
            Winstore connector = Winstore.connect(WinstoreSettings.builder(store.username(), Secret.of(store.password()))
                    .baseUrl(store.apiUri()).build());
            store.faults().randomly(0.10, 0.02, 7);
            // … run flows with connector.articles(), connector.stock(), connector.orders() …
            assertThat(store.orders()).allSatisfy(o -> assertThat(o.get("customerid")).isEqualTo("999999"));
        }
        // end snippet
    }

    static void accountView() {
        // snippet accountview-sandbox
        try (AccountViewSandbox books = AccountViewSandbox.builder().start()) {
            books.seedArticle(Map.of("ART_CODE", "ART001", "ART_DESC1", "Voorbeeldartikel", "PX_SELL", 10.0, "QTY_AVAIL", 25));
            AccountView connector = AccountView.connect(AccountViewSettings.builder(books.clientId(), Secret.of(books.clientSecret()),
                            Secret.of(books.refreshToken()), books.companyCode())
                    .endpoints(books.apiUri(), books.tokenUri()).revenueAccount("*", "8000").build());
            books.faults().randomly(0.10, 0.02, 7);
            // … run flows with connector.articles(), connector.debtors(), connector.salesInvoices() …
            assertThat(books.rows("DJ_PAGE")).extracting(p -> p.path("INV_NR").asText()).doesNotHaveDuplicates();
        }
        // end snippet
    }
}
