package org.safepassage.evidence.forms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.safepassage.evidence.domain.IncidentContent;

/**
 * An incident's tags as typed, separated by commas or semicolons, within the limits of
 * {@link IncidentContent#tagsFit}. Empty is allowed.
 */
@Documented
@Constraint(validatedBy = TagList.Validator.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface TagList {

	String message() default "{evidence.tags.invalid}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<TagList, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return IncidentContent.tagsFit(IncidentContent.readTags(value));
		}

	}

}
