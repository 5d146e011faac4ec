package dev.switchboard.collector.poll;

import dev.switchboard.collector.target.Target;
import java.util.List;

/** Told about every poll result and about the set of targets before each round. */
public interface PollListener {

    void polled(Target target, Sample sample);

    /** The targets of the round about to start; targets missing from it have vanished. */
    default void targetsChanged(List<Target> targets) {
    }
}
