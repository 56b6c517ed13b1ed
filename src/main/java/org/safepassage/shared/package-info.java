/**
 * Small value types and helpers every module may use. Kept tiny on purpose.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.safepassage.shared;
