package io.possync.testkit.privacy;

import io.possync.core.SyncEvent;
import io.possync.core.SyncListener;
import io.possync.core.SyncReport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything a sync leaves for people to read besides its log: each event (as a listener of the engine),
 * and each run's summary, rejections and failure — to search with {@link PersonalDataCheck#leaks}.
 *
 * <pre>{@code
 * WrittenTexts written = new WrittenTexts();
 * SyncEngine engine = SyncEngine.builder().stateStore(store).listener(written).build();
 * written.add(engine.run(flow));
 * assertThat(PersonalDataCheck.leaks(written.plus(logLines), values)).isEmpty();
 * }</pre>
 */
public final class WrittenTexts implements SyncListener {

    private final List<String> texts = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(SyncEvent event) {
        texts.add(event.toString());
    }

    /** Adds a run's summary, its rejections and its failure; returns the report. */
    public SyncReport add(SyncReport report) {
        texts.add(report.summary());
        report.rejections().forEach(r -> texts.add(r.toString()));
        report.failure().ifPresent(f -> texts.add(f.toString()));
        return report;
    }

    /** The texts collected so far and {@code more} (log lines, say). */
    public List<String> plus(Collection<String> more) {
        List<String> all = new ArrayList<>(texts);
        all.addAll(more);
        return all;
    }
}
