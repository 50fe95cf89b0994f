package io.possync.connector.accountview.internal;

import io.possync.api.RecordRejectedException;
import io.possync.api.Ref;

import java.util.Map;

/**
 * The lengths of the character fields the connector writes, from AccountView's field dictionaries
 * ({@code DCT_FLD.FIELD_LEN}; {@code RequestDictionaryTest} checks them against the dictionary files).
 * A longer value is a rejection naming the field, before anything is sent: AccountView would cut it or
 * refuse the whole write. SO_HDR and SO_LINE have no public dictionary, so their fields are not checked.
 */
public final class MaxLengths {

    /** CONTACT (debtors, {@code AR1}). */
    public static final Map<String, Integer> CONTACT = Map.ofEntries(Map.entry("SUB_NR", 10), Map.entry("ACCT_NR", 10),
            Map.entry("ACCT_NAME", 40), Map.entry("SRC_CODE", 10), Map.entry("ADDRESS1", 80), Map.entry("POST_CODE", 10),
            Map.entry("CITY", 35), Map.entry("CNT_CODE", 2), Map.entry("MAIL_BUS", 50), Map.entry("TEL_BUS", 20),
            Map.entry("MAIN_CONT", 40), Map.entry("VAT_NR", 14), Map.entry("DISC_CODE", 2), Map.entry("LNG_CODE", 5),
            Map.entry("RPL_GRP", 10));
    /** DJ_PAGE (a sales-journal page, {@code DJ2}). */
    public static final Map<String, Integer> DJ_PAGE = Map.of("DJ_CODE", 3, "SUB_NR", 10, "INV_NR", 12, "HDR_DESC", 40, "CUR_CODE", 3,
            "DISC_CODE", 2);
    /** DJ_LINE (its lines). */
    public static final Map<String, Integer> DJ_LINE = Map.of("ACCT_NR", 10, "TRN_DESC", 40, "VAT_CODE", 2);

    private MaxLengths() {
    }

    /** {@code value} of {@code field} if it fits {@code lengths}; else a rejection of {@code record} naming {@code path}. */
    public static String check(Map<String, Integer> lengths, String field, String path, String value, Ref record) {
        Integer max = lengths.get(field);
        if (max != null && value.length() > max) {
            throw RecordRejectedException.builder(path + " has " + value.length() + " characters; AccountView's " + field + " takes at most "
                    + max).record(record).fieldPath(path).build();
        }
        return value;
    }
}
