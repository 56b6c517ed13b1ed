package org.safepassage.petitions.admin;

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
import org.safepassage.shared.validation.FormValues;

/**
 * A real day written as ISO 8601 text, after today by the application's clock. Empty is
 * allowed. {@code IsoDate(future = true)} also accepts today and past days.
 */
@Documented
@Constraint(validatedBy = FutureDay.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface FutureDay {

	String message() default "{petition.closingDate.invalid}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<FutureDay, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			try {
				LocalDate day = FormValues.day(value);
				return day == null || day.isAfter(LocalDate.now(context.getClockProvider().getClock()));
			}
			catch (DateTimeParseException ex) {
				return false;
			}
		}

	}

}
