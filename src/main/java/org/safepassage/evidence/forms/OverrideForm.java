package org.safepassage.evidence.forms;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.safepassage.evidence.domain.Reconciliation;
import org.safepassage.shared.validation.PlainText;

/** A researcher's own low, best and high for an incident, with the reason. */
public record OverrideForm(@NotBlank @Size(max = 14) String low, @NotBlank @Size(max = 14) String best,
		@NotBlank @Size(max = 14) String high, @NotBlank @Size(max = 2000) @PlainText(multiline = true) String note) {

	public static OverrideForm of(Reconciliation.Override override) {
		return override == null ? new OverrideForm("", "", "", "") : new OverrideForm(String.valueOf(override.low()),
				String.valueOf(override.best()), String.valueOf(override.high()), override.note());
	}

	@AssertTrue(message = "{evidence.number.invalid}")
	public boolean isLowValid() {
		return Typed.validCount(low);
	}

	@AssertTrue(message = "{evidence.best.invalid}")
	public boolean isBestValid() {
		Long h = Typed.count(high);
		Long b = Typed.count(best);
		return Typed.validHigh(low, best) && (h == null || h == Typed.INVALID || b == null || b <= h);
	}

	@AssertTrue(message = "{evidence.high.invalid}")
	public boolean isHighValid() {
		return Typed.validHigh(low, high);
	}

	public Reconciliation.Override toOverride() {
		return new Reconciliation.Override(Typed.count(low), Typed.count(best), Typed.count(high), note.strip());
	}
}
