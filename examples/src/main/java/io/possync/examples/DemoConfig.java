package io.possync.examples;

import io.possync.api.ConfigurationException;
import io.possync.api.http.Secret;
import io.possync.connector.businesscentral.BusinessCentralSettings;
import io.possync.connector.lightspeed.LightspeedRetailSettings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The demo's settings for real accounts, from {@code possync-demo.properties} in the working
 * directory or from environment variables ({@code possync.bc.client-id} ⇔ {@code POSSYNC_BC_CLIENT_ID}).
 * Every missing or invalid setting is reported at once, before any request is made.
 *
 * <pre>
 * possync.lightspeed.client-id=…          # the API client registered with Lightspeed
 * possync.lightspeed.client-secret=…
 * possync.lightspeed.refresh-token=…      # from the merchant's authorisation; replaced here when it rotates
 * possync.lightspeed.stock-shop=1         # the shop the ERP's stock is written to
 * possync.bc.tenant=contoso.onmicrosoft.com
 * possync.bc.environment=production
 * possync.bc.client-id=…                  # the Microsoft Entra app (API.ReadWrite.All, enabled in BC)
 * possync.bc.client-secret=…
 * possync.bc.company=CRONUS International Ltd.
 * possync.bc.default-debtor=10000         # the customer number anonymous till sales are booked on
 * </pre>
 */
record DemoConfig(String name, LightspeedRetailSettings lightspeed, BusinessCentralSettings.Builder businessCentral,
                  String defaultDebtor) {

    /** The configuration's problems, one per setting. */
    static final class Invalid extends RuntimeException {
        private final List<String> problems;

        Invalid(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }

    private static final List<String> REQUIRED = List.of("possync.lightspeed.client-id", "possync.lightspeed.client-secret",
            "possync.lightspeed.refresh-token", "possync.bc.tenant", "possync.bc.environment", "possync.bc.client-id",
            "possync.bc.client-secret", "possync.bc.company", "possync.bc.default-debtor");

    /** The configuration in {@code file} or {@code env}, or empty when neither has any (the sandbox demo runs). */
    static Optional<DemoConfig> load(Path file, Map<String, String> env) {
        Properties p = new Properties();
        boolean fromFile = Files.isRegularFile(file);
        if (fromFile) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        env.forEach((k, v) -> {
            if (k.startsWith("POSSYNC_")) {
                p.setProperty(k.toLowerCase(Locale.ROOT).replaceFirst("_", ".").replaceFirst("_", ".").replace('_', '-'), v);
            }
        });
        if (p.isEmpty()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        for (String key : REQUIRED) {
            if (p.getProperty(key, "").isBlank()) {
                problems.add(key + " is missing (or " + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_') + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        LightspeedRetailSettings.Builder ls = LightspeedRetailSettings.builder(p.getProperty("possync.lightspeed.client-id"),
                        Secret.of(p.getProperty("possync.lightspeed.client-secret")),
                        Secret.of(p.getProperty("possync.lightspeed.refresh-token")))
                .onTokenRotation(token -> storeRefreshToken(fromFile ? file : Path.of("possync-demo", "lightspeed.properties"),
                        p, token));
        Optional.ofNullable(p.getProperty("possync.lightspeed.account-id")).ifPresent(ls::accountId);
        Optional.ofNullable(p.getProperty("possync.lightspeed.stock-shop")).ifPresent(ls::stockShop);
        Optional.ofNullable(p.getProperty("possync.lightspeed.currency")).ifPresent(ls::currency);
        LightspeedRetailSettings lightspeed = null;
        try {
            lightspeed = ls.build();
        } catch (ConfigurationException e) {
            problems.add(e.getMessage());
        }
        BusinessCentralSettings.Builder bc = BusinessCentralSettings.builder(
                BusinessCentralSettings.cloud(p.getProperty("possync.bc.tenant"), p.getProperty("possync.bc.environment"),
                        p.getProperty("possync.bc.client-id"), Secret.of(p.getProperty("possync.bc.client-secret"))),
                p.getProperty("possync.bc.company"));
        try {
            bc.build();
        } catch (ConfigurationException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return Optional.of(new DemoConfig(p.getProperty("possync.bc.environment"), lightspeed, bc,
                p.getProperty("possync.bc.default-debtor")));
    }

    /** Keeps the newest refresh token where the next start reads it: the old one no longer works. */
    private static synchronized void storeRefreshToken(Path file, Properties p, Secret token) {
        p.setProperty("possync.lightspeed.refresh-token", token.reveal());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "possync demo settings (the refresh token is replaced when Lightspeed rotates it)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the rotated Lightspeed refresh token in " + file, e);
        }
    }
}
