package org.safepassage.shared.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A real day written as ISO 8601 text ({@code 2023-10-09}), no earlier than
 * {@link #earliest()} and, unless {@link #future()}, no later than today by the
 * application's clock. Empty is allowed (add {@code @NotBlank} to require it).
 */
@Documented
@Constraint(validatedBy = IsoDate.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoDate {

	String message() default "{validation.isoDate}";

	/** The earliest day accepted, ISO 8601. */
	String earliest() default "1900-01-01";

	/** Whether days after today are accepted. */
	boolean future() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<IsoDate, String> {

		private LocalDate earliest;

		private boolean future;

		@Override
		public void initialize(IsoDate annotation) {
			this.earliest = LocalDate.parse(annotation.earliest());
			this.future = annotation.future();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			try {
				LocalDate day = FormValues.day(value);
				if (day == null) {
					return true;
				}
				LocalDate today = LocalDate.now(context.getClockProvider().getClock());
				return !day.isBefore(earliest) && (future || !day.isAfter(today));
			}
			catch (DateTimeParseException ex) {
				return false;
			}
		}

	}

}
