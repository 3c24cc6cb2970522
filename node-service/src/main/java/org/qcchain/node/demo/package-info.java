/**
 * The demo platform: {@link org.qcchain.node.demo.DemoPlatform} creates the organisations of a
 * Jinan-style network (certificates in PEM under the data folder), registers them, the catalogue,
 * synthetic records, agreements and consents on the embedded ledger, so that the three services
 * work: 泉城链+普惠金融 (a bank lends on social insurance, provident fund and real estate), 政保通
 * (an insurer on vehicle registration and traffic record) and 保医通 (an insurer on hospital
 * visits and bills). It runs the steps in order: certificates ({@code DemoPki}), registrations
 * ({@code DemoRegistration}), records ({@code DemoImport}), agreements and consents ({@code
 * DemoAgreements}) and the example request ({@code DemoExample}). {@link
 * org.qcchain.node.demo.TryRequest} sends a signed bank request to a running demo node.
 */
package org.qcchain.node.demo;
