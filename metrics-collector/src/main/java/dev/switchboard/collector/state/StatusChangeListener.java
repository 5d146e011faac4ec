package dev.switchboard.collector.state;

/** Told once per UP→DOWN or DOWN→UP change of an instance. */
public interface StatusChangeListener {

    void statusChanged(StatusChange change);
}
