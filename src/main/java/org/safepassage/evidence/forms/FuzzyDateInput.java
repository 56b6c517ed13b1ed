package org.safepassage.evidence.forms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.safepassage.evidence.domain.DatePrecision;
import org.safepassage.evidence.domain.FuzzyDate;
import org.safepassage.shared.validation.EnumNames;
import org.safepassage.shared.validation.FormValues;

/**
 * A date typed as precisely as a source gives it (see {@link FuzzyDate}): the first value
 * must read at the chosen precision (a day for a range) and the last day of a range must
 * be a real day from the first one on; none may be before 1900 or after today by the
 * application's clock. A form with such a date implements {@link Typed}; each broken rule
 * is reported on the field the person must change. A {@code @IsoDate} cannot do this, as
 * a month or a year is not a day and the precision is another field. Nothing is checked
 * while the precision is not one of {@link DatePrecision}: that field reports it.
 */
@Documented
@Constraint(validatedBy = FuzzyDateInput.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface FuzzyDateInput {

	/** Shown on the first field. */
	String message() default "{evidence.date.invalid}";

	/** Shown on the field with the last day of a range. */
	String lastMessage() default "{evidence.dateTo.invalid}";

	/** The name of the field with the first value. */
	String first() default "date";

	/** The name of the field with the last day of a range. */
	String last() default "dateTo";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** A date as typed: the precision's name, the first value and the last day. */
	record Text(String precision, String first, String last) {
	}

	/** A form with a date typed as precisely as a source gives it. */
	interface Typed {

		Text typedDate();

	}

	class Validator implements ConstraintValidator<FuzzyDateInput, Typed> {

		private FuzzyDateInput annotation;

		@Override
		public void initialize(FuzzyDateInput annotation) {
			this.annotation = annotation;
		}

		@Override
		public boolean isValid(Typed form, ConstraintValidatorContext context) {
			if (form == null) {
				return true;
			}
			Text text = form.typedDate();
			DatePrecision precision = EnumNames.find(DatePrecision.class, text.precision()).orElse(null);
			if (precision == null) {
				return true;
			}
			LocalDate today = LocalDate.now(context.getClockProvider().getClock());
			boolean valid = true;
			context.disableDefaultConstraintViolation();
			DatePrecision firstPrecision = precision == DatePrecision.RANGE ? DatePrecision.DAY : precision;
			if (FormValues.text(text.first()) != null
					&& FuzzyDate.parse(firstPrecision, text.first(), null, today).isEmpty()) {
				reject(context, this.annotation.first(), this.annotation.message());
				valid = false;
			}
			if (precision == DatePrecision.RANGE && !lastDayFits(text, today)) {
				reject(context, this.annotation.last(), this.annotation.lastMessage());
				valid = false;
			}
			return valid;
		}

		/** When the first day cannot be read, only the first field is marked. */
		private static boolean lastDayFits(Text text, LocalDate today) {
			Optional<FuzzyDate> last = FuzzyDate.parse(DatePrecision.DAY, text.last(), null, today);
			Optional<FuzzyDate> first = FuzzyDate.parse(DatePrecision.DAY, text.first(), null, today);
			return last.isPresent() && (first.isEmpty() || !last.get().from().isBefore(first.get().from()));
		}

		private static void reject(ConstraintValidatorContext context, String field, String message) {
			context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
		}

	}

}
