package org.safepassage.evidence.forms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.evidence.domain.Reconciliation;
import org.safepassage.evidence.domain.ReportedFigure;
import org.safepassage.shared.validation.CrossField;
import org.safepassage.shared.validation.FormValues;
import org.safepassage.shared.validation.PlainText;
import org.safepassage.shared.validation.WholeNumber;

/** A researcher's own low, best and high for an incident, with the reason. */
@CrossField
public record OverrideForm(
		@NotBlank @Size(max = 14) @WholeNumber(max = ReportedFigure.MAX,
				message = "{evidence.number.invalid}") String low,
		@NotBlank @Size(max = 14) @WholeNumber(max = ReportedFigure.MAX,
				message = "{evidence.best.invalid}") String best,
		@NotBlank @Size(max = 14) @WholeNumber(max = ReportedFigure.MAX,
				message = "{evidence.high.invalid}") String high,
		@NotBlank @Size(max = 2000) @PlainText(multiline = true) String note) implements CrossField.Checked {

	public static OverrideForm of(Reconciliation.Override override) {
		return override == null ? new OverrideForm("", "", "", "") : new OverrideForm(String.valueOf(override.low()),
				String.valueOf(override.best()), String.valueOf(override.high()), override.note());
	}

	/** The best lies from the low up to the high, and the high is not below the low. */
	@Override
	public void check(CrossField.Errors errors) {
		Long l = FigureBounds.count(low);
		Long b = FigureBounds.count(best);
		Long h = FigureBounds.count(high);
		if (b != null && (l != null && b < l || h != null && b > h)) {
			errors.reject("best", "evidence.best.invalid");
		}
		if (l != null && h != null && h < l) {
			errors.reject("high", "evidence.high.invalid");
		}
	}

	/** Call only once the form is valid. */
	public Reconciliation.Override toOverride() {
		return new Reconciliation.Override(FormValues.wholeNumber(low), FormValues.wholeNumber(best),
				FormValues.wholeNumber(high), note.strip());
	}
}
