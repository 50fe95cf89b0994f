package io.possync.examples;

import io.possync.api.KeyType;
import io.possync.api.OrderKind;
import io.possync.api.http.RetryPolicy;
import io.possync.api.http.Secret;
import io.possync.connector.accountview.AccountView;
import io.possync.connector.accountview.AccountViewSettings;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.core.Flow;
import io.possync.core.RetrySchedule;
import io.possync.core.SyncEngine;
import io.possync.core.SyncReport;
import io.possync.core.SyncReportTable;
import io.possync.testkit.accountview.AccountViewSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The Lightspeed ⇄ AccountView pair of the demo ({@code --pair lightspeed-accountview}): the books'
 * articles and stock go to the till, the till's customers become debtors and its sales invoices in the
 * sales journal, against both sandboxes, on two days.
 */
final class LedgerPairDemo {

    static final String NAME = "lightspeed-accountview";
    static final int SALES = 200;
    static final int NEW_SALES = 20;

    /** The reports of both days and what each side holds afterwards. */
    record Result(List<SyncReport> firstDay, List<SyncReport> secondDay, int items, int invoices, int sales, int debtors, int customers) {
    }

    private LedgerPairDemo() {
    }

    static Result run(PrintStream out, Path workDir, boolean terminal) {
        try (LightspeedSandbox posSandbox = LightspeedSandbox.builder().shop("Utrecht").bucket(100_000, 100_000).start();
             AccountViewSandbox booksSandbox = AccountViewSandbox.builder().start()) {
            out.println("possync demo: AccountView (sandbox) ⇄ Lightspeed Retail (sandbox)");
            DutchLedger shop = new DutchLedger(Instant.now());
            shop.seedBooks(booksSandbox);
            shop.seedShop(posSandbox);
            out.printf("seeded: %d articles in AccountView, %d customers in the shop%n", DutchLedger.ARTICLES, DutchLedger.CUSTOMERS);
            LightspeedRetail pos = LightspeedRetail.connect(TillPairDemo.posSettings(posSandbox));
            AccountView books = AccountView.connect(booksSettings(booksSandbox).build(), io.possync.api.http.RateLimiter.unlimited());

            try (DemoRun.Session run = DemoRun.open(out, workDir, "-" + NAME, terminal)) {
                SyncEngine engine = run.engine();
                ProgressListener progress = run.progress();
                DemoRun.Files files = run.files();
                List<Flow<?>> flows = flows(pos, books, OrderKind.INVOICE, RetrySchedule.ofDefaults());
                List<String> systems = List.of(AccountView.SYSTEM, LightspeedRetail.SYSTEM);

                out.println();
                out.printf("day 1: articles and stock into the till; it rings up %d sales; customers and sales into the books%n", SALES);
                List<SyncReport> first = DemoRun.runFlows(engine, flows, progress, "customers", () -> shop.ringUp(posSandbox, SALES));
                SyncReportTable.of(systems).print(out, "day 1", first);

                out.println();
                out.printf("day 2: a price and a stock level change in the books; 1 new customer and %d new sales in the shop%n", NEW_SALES);
                DutchLedger.nextDay(booksSandbox);
                List<SyncReport> second = DemoRun.runFlows(engine, flows, progress, "customers", () -> shop.nextDay(posSandbox, NEW_SALES));
                SyncReportTable.of(systems).print(out, "day 2 (only the changes move)", second);
                out.println();
                out.println("activity log written to " + files.activity().toAbsolutePath());
                int debtors = booksSandbox.rows("CONTACT").size() - 1;
                out.printf("AccountView holds %d invoices for %d sales and %d debtors (and the cash debtor) for the shop's %d customers and"
                                + " the one entered in the books; Lightspeed has %d customers and sells %d of its articles%n",
                        booksSandbox.rows("DJ_PAGE").size(), shop.sales(), debtors, shop.customerIds().size(),
                        posSandbox.records("Customer").size(), posSandbox.records("Item").size());
                return new Result(first, second, posSandbox.records("Item").size(), booksSandbox.rows("DJ_PAGE").size(), shop.sales(),
                        debtors, shop.customerIds().size());
            }
        }
    }

    /** The books' settings: revenue accounts and VAT codes of a Dutch chart of accounts, an overlap of a minute. */
    static AccountViewSettings.Builder booksSettings(AccountViewSandbox sandbox) {
        return AccountViewSettings.builder(sandbox.clientId(), Secret.of(sandbox.clientSecret()), Secret.of(sandbox.refreshToken()),
                        sandbox.companyCode()).endpoints(sandbox.apiUri(), sandbox.tokenUri())
                .revenueAccount("*", "8000").vatCode("*", new BigDecimal("21"), "2").vatCode("*", new BigDecimal("9"), "1")
                .overlap(Duration.ofMinutes(1))
                .retryPolicy(RetryPolicy.builder().maxAttempts(8).initialBackoff(Duration.ofMillis(20)).maxBackoff(Duration.ofMillis(200)).build());
    }

    /** Articles and their stock before the till sells them; customers both ways before the sales that refer to them. */
    static List<Flow<?>> flows(LightspeedRetail pos, AccountView books, OrderKind kind, RetrySchedule retries) {
        return List.of(
                Flow.products("articles erp→pos").from(books.articles()).to(pos.items()).retrySchedule(retries).build(),
                Flow.stock("stock erp→pos").from(books.stock()).to(pos.stock()).retrySchedule(retries).build(),
                Flow.customers("customers pos→erp").from(pos.customers()).to(books.debtors()).matchKey(KeyType.EMAIL)
                        .retrySchedule(retries).build(),
                // Debtors entered in the books reach the till; those that came from it are not sent back (the engine's
                // links say so), nor the cash debtor, which has no e-mail address.
                Flow.customers("debtors erp→pos").from(books.debtors()).to(pos.customers()).matchKey(KeyType.EMAIL)
                        .filter(c -> c.email().isPresent()).retrySchedule(retries).build(),
                Flow.orders("sales pos→erp").from(pos.sales()).to(kind == OrderKind.INVOICE ? books.salesInvoices() : books.salesOrders())
                        .customers(books.debtors()).defaultDebtor(DutchLedger.CASH_DEBTOR).retrySchedule(retries).build());
    }
}
