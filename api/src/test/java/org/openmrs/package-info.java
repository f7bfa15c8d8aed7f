/**
 * Test mappings of the OpenMRS domain classes capture sees, under their real names, so that the production
 * classification table (which matches class names) is tested as is. Compiled for tests only: the module's main
 * code never references these classes.
 */
package org.openmrs;
