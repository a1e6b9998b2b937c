<?php
/**
 * Removes what the plugin stored in the options table (the API key among them). Order meta stays: it records
 * which Risiti invoice each order became, which the shop's books still need.
 *
 * @package Risiti_WooCommerce
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/class-risiti-settings.php';

foreach ( Risiti_Settings::option_names() as $risiti_option ) {
	delete_option( $risiti_option );
}
delete_transient( Risiti_Settings::TAX_RATES_TRANSIENT );
if ( function_exists( 'as_unschedule_all_actions' ) ) {
	as_unschedule_all_actions( '', array(), Risiti_Settings::ACTION_GROUP );
}
