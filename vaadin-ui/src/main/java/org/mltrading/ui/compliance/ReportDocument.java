package org.mltrading.ui.compliance;

import java.nio.charset.StandardCharsets;

/** A generated report (CSV text) with its SHA-256, which proves a later regeneration is identical. */
public record ReportDocument(String fileName, String contentType, int rows, String sha256, String content) {

    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
