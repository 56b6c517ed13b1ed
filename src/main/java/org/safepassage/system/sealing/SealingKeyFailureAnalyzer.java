package org.safepassage.system.sealing;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused sealing key into Spring Boot's short start-up report (description and
 * action) instead of a long stack trace, so the operator reads what is wrong first.
 */
class SealingKeyFailureAnalyzer extends AbstractFailureAnalyzer<SealingKeyRefused> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SealingKeyRefused cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Give SafePassage the sealing key this database was sealed with: the key file (safepassage.sealing"
						+ ".key-file, SAFEPASSAGE_SEALING_KEYFILE, by default beside the data directory) or the "
						+ "SAFEPASSAGE_SEALING_KEY environment variable. Without it protected data cannot be read; "
						+ "see docs/operations.md, \"The sealing key\".",
				null);
	}

}
