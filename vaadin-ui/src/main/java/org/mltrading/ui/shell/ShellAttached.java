package org.mltrading.ui.shell;

/**
 * Told when the shell is attached in a session, so a feature can start its session-wide work (the
 * platform's notifications under the bell) without the shell depending on the feature.
 */
public interface ShellAttached {

    /** Called on the UI thread each time a shell is attached; implementations start once per session. */
    void shellAttached();
}
