package io.possync.examples;

import io.possync.api.EntityType;
import io.possync.core.Outcome;
import io.possync.core.Rejection;
import io.possync.core.RunStatus;
import io.possync.core.SyncReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's main job end to end, its figures checked against the seeded shop. */
class DemoSyncTest {

    @TempDir
    static Path workDir;
    private static DemoSync.Result result;
    private static String output;

    @BeforeAll
    static void runTheDemo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        result = DemoSync.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), workDir, false);
        output = bytes.toString(StandardCharsets.UTF_8);
    }

    private static SyncReport report(List<SyncReport> day, String prefix) {
        return day.stream().filter(r -> r.flow().startsWith(prefix)).findFirst().orElseThrow();
    }

    private static long count(SyncReport r, Outcome outcome) {
        return r.count(r.entityType(), outcome);
    }

    @Test
    void everyRunCompletes() {
        assertThat(result.firstDay()).hasSize(5).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.COMPLETED));
        assertThat(result.secondDay()).hasSize(5).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.COMPLETED));
    }

    @Test
    void everyValidProductIsCreatedOnceAndTheTooLongNameIsRejected() {
        SyncReport products = report(result.firstDay(), "products");
        int variants = DemoShop.MATRICES * DemoShop.COLOURS.length * DemoShop.SIZES.length;

        assertThat(count(products, Outcome.CREATED)).isEqualTo(DemoShop.MATRICES + variants + DemoShop.SIMPLE - 1);
        assertThat(products.rejections()).singleElement().satisfies(r -> {
            assertThat(r.fieldPath()).contains("displayName");
            assertThat(r.reason()).contains("at most 100");
        });
    }

    @Test
    void customersAreCreatedOrMatchedByEmailAndTheInvalidAddressIsRejected() {
        SyncReport customers = report(result.firstDay(), "customers");

        assertThat(count(customers, Outcome.CREATED)).isEqualTo(DemoShop.CUSTOMERS - DemoShop.KNOWN_TO_ERP - 1);
        assertThat(count(customers, Outcome.UPDATED)).isEqualTo(DemoShop.KNOWN_TO_ERP);
        assertThat(customers.rejections()).singleElement().satisfies(r -> assertThat(r.fieldPath()).contains("email"));
    }

    @Test
    void everySaleBecomesOneInvoiceExceptTheTwoThatSoldTheRejectedProduct() {
        SyncReport sales = report(result.firstDay(), "sales");

        assertThat(count(sales, Outcome.FETCHED)).isEqualTo(DemoShop.SALES);
        assertThat(count(sales, Outcome.CREATED)).isEqualTo(DemoShop.SALES - DemoShop.SALES_WITH_BAD_PRODUCT);
        assertThat(sales.rejections()).hasSize(DemoShop.SALES_WITH_BAD_PRODUCT)
                .allSatisfy(r -> assertThat(r.reason()).contains("'HOME-BOWL-XL' does not exist"))
                .extracting(Rejection::entityType).containsOnly(EntityType.ORDER);
        int expected = DemoShop.SALES - DemoShop.SALES_WITH_BAD_PRODUCT + DemoShop.NEW_SALES;
        assertThat(result.erpInvoices()).isEqualTo(expected);
        assertThat(result.distinctSaleNumbers()).isEqualTo(expected);
    }

    @Test
    void everyCompanyCustomersContactPersonIsAPersonContactInTheErp() {
        // Day 2 renames the contact person of one company: the new name is added, the old contact stays (contacts are never removed).
        assertThat(result.contactPersons()).isEqualTo(DemoShop.COMPANIES + DemoShop.CHANGED_CUSTOMERS);
    }

    @Test
    void everyInvoicedSalesPaymentIsInThePaymentJournalOfItsMethod() {
        assertThat(result.paymentLinesByJournal()).containsOnlyKeys("KAS", "BANK");
        assertThat(result.paymentLinesByJournal().values().stream().mapToInt(Integer::intValue).sum())
                .as("one payment per sale").isEqualTo(result.erpInvoices());
    }

    @Test
    void theWarehousesStockOfEverySimpleProductAndEveryVariantReachesThePos() {
        SyncReport stock = report(result.firstDay(), "stock");
        int variants = DemoShop.MATRICES * DemoShop.COLOURS.length * DemoShop.SIZES.length;

        assertThat(count(stock, Outcome.UPDATED)).isEqualTo(DemoShop.SIMPLE - 1 + variants);
        assertThat(count(stock, Outcome.REJECTED)).isZero();
    }

    @Test
    void theSecondDayMovesOnlyItsChanges() {
        List<SyncReport> day = result.secondDay();

        assertThat(count(report(day, "products"), Outcome.UPDATED)).isEqualTo(DemoShop.CHANGED_PRODUCTS);
        assertThat(count(report(day, "products"), Outcome.CREATED)).isZero();
        assertThat(count(report(day, "customers"), Outcome.CREATED)).isEqualTo(DemoShop.NEW_CUSTOMERS);
        assertThat(count(report(day, "customers"), Outcome.UPDATED)).isEqualTo(DemoShop.CHANGED_CUSTOMERS);
        assertThat(count(report(day, "sales"), Outcome.FETCHED)).isEqualTo(DemoShop.NEW_SALES);
        assertThat(count(report(day, "sales"), Outcome.CREATED)).isEqualTo(DemoShop.NEW_SALES);
        assertThat(count(report(day, "stock"), Outcome.UPDATED)).isEqualTo(DemoShop.CHANGED_STOCK);
        assertThat(count(report(day, "status"), Outcome.UPDATED)).isEqualTo(DemoShop.CANCELLED_INVOICES);
        assertThat(day).allSatisfy(r -> assertThat(r.rejections()).isEmpty());
    }

    @Test
    void cancelledInvoicesVoidTheirSalesInThePosAndNothingElseFlowsBack() {
        assertThat(count(report(result.firstDay(), "status"), Outcome.UPDATED)).isZero();
        assertThat(result.voidedSales()).isEqualTo(DemoShop.CANCELLED_INVOICES);
    }

    @Test
    void theSummaryNamesEachRejectionWithItsFieldAndReason() {
        assertThat(output).contains("rejected in products pos→erp: product", "(displayName)", "at most 100")
                .contains("rejected in customers pos→erp: customer", "(email)")
                .contains("rejected in sales pos→erp: order", "(lines[0].sku)")
                .contains("state:", "state.db", "activity log:");
    }

    @Test
    void theStateIsInSqliteAndTheActivityLogHoldsNoEmailAddresses() throws IOException {
        assertThat(workDir.resolve("state.db")).isRegularFile();
        List<String> activity = Files.readAllLines(workDir.resolve("activity.jsonl"));
        assertThat(activity).hasSizeGreaterThan(DemoShop.SALES);
        assertThat(activity).noneMatch(line -> line.contains("@example.nl"));
    }

    @Test
    void theReadmeShowsTheTablesTheDemoPrints() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```\nday 1\n");
        assertThat(start).as("README.md has the demo's output in a block starting with 'day 1'").isNotNegative();
        String block = readme.substring(start + 4, readme.indexOf("```", start + 4));

        assertThat(DemoOutput.tables(output))
                .as("README.md's demo output (every column but time) differs from what the demo printed:%n%s", output)
                .isEqualTo(DemoOutput.tables(block));
    }
}
