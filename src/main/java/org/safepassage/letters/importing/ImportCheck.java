package org.safepassage.letters.importing;

import java.io.Serializable;
import java.util.List;

/**
 * What a dry run (or an import) found: how many rows the file has, how many it would
 * import and skip (terminated postcodes, candidates not elected), and its bad rows; at
 * most a configured number are listed, {@code problemCount} counts them all.
 * Serializable: the page shows it after a redirect, from the session.
 */
public record ImportCheck(FileKind kind, long rows, long importable, long skipped, List<ImportProblem> problems,
		long problemCount) implements Serializable {

	public boolean ok() {
		return problemCount == 0 && importable > 0;
	}

	public long unlisted() {
		return problemCount - problems.size();
	}

	static ImportCheck refused(ImportProblem problem) {
		return new ImportCheck(null, 0, 0, 0, List.of(problem), 1);
	}

}
