package org.safepassage.evidence.forms;

import org.safepassage.evidence.domain.ReportedFigure;
import org.safepassage.shared.validation.CrossField;
import org.safepassage.shared.validation.FormValues;

/**
 * The low and high a researcher may code by hand for a figure that cannot be read
 * automatically: the rules the report and estimate forms share. Each bound is a
 * {@code @WholeNumber} from 0 to {@link ReportedFigure#MAX} on its own; these are the
 * rules between them.
 */
final class FigureBounds {

	private FigureBounds() {
	}

	/** A high needs a low, and may not be below it. */
	static void check(String low, String high, CrossField.Errors errors) {
		if (FormValues.text(low) == null && FormValues.text(high) != null) {
			errors.reject("low", "evidence.low.invalid");
		}
		Long l = count(low);
		Long h = count(high);
		if (l != null && h != null && h < l) {
			errors.reject("high", "evidence.high.invalid");
		}
	}

	/**
	 * A count of people, or null when the field is empty or holds no count (its own
	 * constraint reports that), so cross-field rules check only what can be read.
	 */
	static Long count(String text) {
		try {
			Long n = FormValues.wholeNumber(text);
			return n == null || n < 0 || n > ReportedFigure.MAX ? null : n;
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** Call only once the form is valid. */
	static ReportedFigure figure(String text, String low, String high) {
		return ReportedFigure.of(text, FormValues.wholeNumber(low), FormValues.wholeNumber(high));
	}

}
