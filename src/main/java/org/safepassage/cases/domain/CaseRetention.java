package org.safepassage.cases.domain;

import java.time.Instant;

/**
 * Where a case stands on retention: when the daily job first found it due for review
 * ({@code dueSince}, null while it is not), the last decision to keep it for another
 * period, and whether (when, by whom) its protected part was erased. The reasons are in
 * the audit, never here.
 */
public record CaseRetention(Instant dueSince, Instant keptAt, String keptBy, Instant erasedAt, String erasedBy) {

	public static CaseRetention none() {
		return new CaseRetention(null, null, null, null, null);
	}

	public boolean erased() {
		return this.erasedAt != null;
	}

}
