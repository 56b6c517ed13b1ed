package org.safepassage.evidence.forms;

import jakarta.validation.constraints.Size;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.PlainText;

/**
 * The protected note typed on a report form, bound beside {@link ReportForm} and kept
 * apart from it: the report's content goes to the registry, the CSV and the API, this
 * never does. Empty keeps the stored note; text replaces it; {@code removeProtectedNote}
 * deletes it (and its data key).
 */
public record ProtectedNoteForm(@Size(max = 2000) @PlainText(multiline = true) String protectedNote,
		Boolean removeProtectedNote) {

	public static ProtectedNoteForm empty() {
		return new ProtectedNoteForm("", false);
	}

	/** The new note, or null to keep what is stored. */
	public String note() {
		return FormValues.text(this.protectedNote);
	}

	public boolean remove() {
		return Boolean.TRUE.equals(this.removeProtectedNote);
	}

}
