package io.possync.examples;

import io.possync.api.CanonicalRecord;
import io.possync.api.Cursor;
import io.possync.api.Page;
import io.possync.api.Source;
import io.possync.api.http.RateLimiter;
import io.possync.api.http.Secret;
import io.possync.connector.accountview.AccountView;
import io.possync.connector.businesscentral.BusinessCentral;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.connector.lightspeed.LightspeedRetail;
import io.possync.connector.lightspeed.xseries.LightspeedXSeries;
import io.possync.connector.lightspeed.xseries.XSeriesSettings;
import io.possync.connector.mpluskassa.MplusKassa;
import io.possync.connector.mpluskassa.MplusSettings;
import io.possync.connector.winstore.Winstore;
import io.possync.connector.winstore.WinstoreSettings;
import io.possync.testkit.accountview.AccountViewSandbox;
import io.possync.testkit.buchhaltungsbutler.BuchhaltungsButlerSandbox;
import io.possync.testkit.businesscentral.BusinessCentralSandbox;
import io.possync.testkit.lightspeed.LightspeedSandbox;
import io.possync.testkit.lightspeed.XSeriesSandbox;
import io.possync.testkit.mpluskassa.MplusSandbox;
import io.possync.testkit.shop.SandboxFill;
import io.possync.testkit.shop.SyntheticShop;
import io.possync.testkit.winstore.WinstoreSandbox;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One way to fill any sandbox from a synthetic shop: what each connector then reads is the shop's. */
class SandboxFillTest {

    private final SyntheticShop shop = SyntheticShop.builder().orders(25).skus(10).knownCustomers(8).build();

    private static <T extends CanonicalRecord> List<T> readAll(Source<T> source) {
        List<T> out = new ArrayList<>();
        Cursor cursor = Cursor.initial();
        for (int i = 0; i < 100; i++) {
            Page<T> page = source.changesSince(cursor, 100);
            out.addAll(page.records());
            cursor = page.next();
            if (!page.hasMore()) {
                return out;
            }
        }
        throw new AssertionError("no end");
    }

    @Test
    void aLightspeedSandboxHoldsTheShopsItemsCustomersAndSales() {
        try (LightspeedSandbox sandbox = LightspeedSandbox.builder().start()) {
            SandboxFill.into(sandbox, shop);
            LightspeedRetail pos = LightspeedRetail.connect(TillPairDemo.posSettings(sandbox));

            assertThat(readAll(pos.items())).extracting(p -> p.sku()).containsExactlyInAnyOrderElementsOf(shop.skus());
            assertThat(readAll(pos.customers())).hasSize(shop.customers().size());
            assertThat(readAll(pos.sales())).hasSize(shop.orders().size())
                    .allSatisfy(s -> assertThat(s.lines()).allSatisfy(l -> assertThat(shop.skus()).contains(l.sku())));
        }
    }

    @Test
    void anXSeriesSandboxHoldsTheShopsProductsAndCustomers() {
        try (XSeriesSandbox sandbox = XSeriesSandbox.builder().start()) {
            SandboxFill.into(sandbox, shop);
            List<String> issued = sandbox.issuedRefreshTokens();
            LightspeedXSeries pos = LightspeedXSeries.connect(XSeriesSettings.builder("possyncdemo", sandbox.clientId(),
                    Secret.of(sandbox.clientSecret()), Secret.of(issued.get(issued.size() - 1))).endpoints(sandbox.apiUri(), sandbox.tokenUri()).build());

            assertThat(readAll(pos.products())).extracting(p -> p.sku()).containsExactlyInAnyOrderElementsOf(shop.skus());
            assertThat(readAll(pos.customers())).hasSize(shop.customers().size());
        }
    }

    @Test
    void aBusinessCentralSandboxHoldsTheShopsItemsAndCustomers() {
        try (BusinessCentralSandbox sandbox = BusinessCentralSandbox.builder().start()) {
            SandboxFill.into(sandbox, shop);
            BusinessCentral erp = BusinessCentral.connect(BusinessCentralSettings.builder(BusinessCentralSettings.cloud(sandbox.tenant(),
                    sandbox.environment(), sandbox.clientId(), Secret.of(sandbox.clientSecret())), sandbox.companyName())
                    .apiHost(sandbox.apiHost()).loginHost(sandbox.loginHost()).build());

            assertThat(readAll(erp.items())).extracting(p -> p.sku()).containsExactlyInAnyOrderElementsOf(shop.skus());
            assertThat(readAll(erp.customers())).hasSize(shop.customers().size());
        }
    }

    @Test
    void anMplusKassaSandboxHoldsTheShopsArticlesAndRelations() {
        try (MplusSandbox sandbox = MplusSandbox.builder().start()) {
            SandboxFill.into(sandbox, shop);
            MplusKassa till = MplusKassa.connect(MplusSettings.builder(0, sandbox.ident(), Secret.of(sandbox.secret())).baseUrl(sandbox.apiUri()).build());

            assertThat(readAll(till.articles())).hasSize(shop.skus().size());
            assertThat(readAll(till.relations())).hasSize(shop.customers().size());
        }
    }

    @Test
    void aBuchhaltungsButlerSandboxHoldsADebtorPerCustomer() {
        try (BuchhaltungsButlerSandbox sandbox = BuchhaltungsButlerSandbox.builder().start()) {
            SandboxFill.into(sandbox, shop);

            assertThat(sandbox.debtors()).hasSize(shop.customers().size());
        }
    }

    @Test
    void aWinstoreSandboxHoldsTheShopsArticlesAndSales() {
        try (WinstoreSandbox sandbox = WinstoreSandbox.builder().start()) {
            SandboxFill.into(sandbox, shop);
            Winstore store = Winstore.connect(WinstoreSettings.builder(sandbox.username(), Secret.of(sandbox.password())).baseUrl(sandbox.apiUri())
                    .orderFeed(true).build(), RateLimiter.unlimited());

            assertThat(readAll(store.articles())).extracting(p -> p.sku()).containsExactlyInAnyOrderElementsOf(shop.skus());
            assertThat(readAll(store.orderFeed())).hasSize(shop.orders().size());
        }
    }

    @Test
    void anAccountViewSandboxHoldsTheShopsArticlesAndDebtors() {
        try (AccountViewSandbox sandbox = AccountViewSandbox.builder().start()) {
            SandboxFill.into(sandbox, shop);
            AccountView books = AccountView.connect(LedgerPairDemo.booksSettings(sandbox).build(), RateLimiter.unlimited());

            assertThat(readAll(books.articles())).extracting(p -> p.sku()).containsExactlyInAnyOrderElementsOf(shop.skus());
            assertThat(readAll(books.debtors())).hasSize(shop.customers().size());
        }
    }
}
