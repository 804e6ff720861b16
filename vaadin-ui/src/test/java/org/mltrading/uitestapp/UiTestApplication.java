package org.mltrading.uitestapp;

import org.mltrading.ui.UiConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Hosts the UI the way the platform does: the application class lives OUTSIDE org.mltrading.ui,
 * so routes are only found if UiConfiguration registers them explicitly.
 */
@SpringBootApplication
@Import(UiConfiguration.class)
public class UiTestApplication {
}
