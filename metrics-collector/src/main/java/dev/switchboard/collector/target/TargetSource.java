package dev.switchboard.collector.target;

import java.util.List;

/** Somewhere targets come from; asked again before every poll round, so targets that come and go are followed. */
public interface TargetSource {

    List<Target> targets();
}
