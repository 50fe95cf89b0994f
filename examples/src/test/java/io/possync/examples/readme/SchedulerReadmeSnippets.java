package io.possync.examples.readme;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.possync.core.SyncEngine;
import io.possync.dbscheduler.FlowTasks;
import io.possync.dbscheduler.SchedulerTable;
import java.time.Duration;
import javax.sql.DataSource;

/** The Java snippets of possync-db-scheduler/README.md, compiled; {@code ReadmeSnippetsTest} keeps them equal. */
final class SchedulerReadmeSnippets {

    private SchedulerReadmeSnippets() {
    }

    static Scheduler use(DataSource dataSource, SyncEngine engine) {
        // snippet db-scheduler-use
        SchedulerTable.createIfMissing(dataSource);                      // once, or in your own migrations
        Scheduler scheduler = Scheduler.create(dataSource)
                .startTasks(FlowTasks.builder(engine).every(Duration.ofMinutes(5)).every("sales", Duration.ofMinutes(1)).build())
                .threads(4).pollingInterval(Duration.ofSeconds(10)).pollUsingLockAndFetch(0.5, 1.0)
                .registerShutdownHook().build();
        scheduler.start();
        // end snippet
        return scheduler;
    }
}
