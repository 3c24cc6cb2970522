/** Contracts the simulator's tests run; found by the shim's classpath scan. */
package org.qcchain.simulator.testcontract;
