<?php
/**
 * Money as integer kobo: WooCommerce keeps amounts as decimal strings (or floats), Risiti as kobo.
 *
 * @package Risiti_WooCommerce
 */

defined( 'ABSPATH' ) || exit;

/**
 * Conversions between WooCommerce amounts and kobo, and the rounding Risiti applies (half-up to the kobo).
 */
final class Risiti_Money {

	/**
	 * Kobo of a WooCommerce amount, rounded half-up (away from zero) to the kobo.
	 *
	 * WooCommerce may keep more than two decimals (prices entered with tax included), so the digits are rounded
	 * as a decimal string: a float times 100 would turn 0.285 into 28.499999.
	 *
	 * @param string|float|int $amount Naira.
	 * @return int
	 */
	public static function to_kobo( $amount ) {
		$text = is_string( $amount ) ? trim( $amount ) : sprintf( '%.6F', (float) $amount );
		if ( '' === $text ) {
			return 0;
		}
		if ( ! preg_match( '/^([+-]?)(\d*)(?:\.(\d*))?$/', $text, $parts ) ) {
			$text = sprintf( '%.6F', (float) $text );
			preg_match( '/^([+-]?)(\d*)(?:\.(\d*))?$/', $text, $parts );
		}
		$negative = '-' === $parts[1];
		$whole    = '' === $parts[2] ? 0 : (int) $parts[2];
		$fraction = str_pad( isset( $parts[3] ) ? $parts[3] : '', 3, '0' );
		$kobo     = $whole * 100 + (int) substr( $fraction, 0, 2 );
		if ( (int) $fraction[2] >= 5 ) {
			++$kobo;
		}
		return $negative ? -$kobo : $kobo;
	}

	/**
	 * Naira as the API's decimal string, e.g. 1234567 → "12345.67".
	 *
	 * @param int $kobo Kobo.
	 * @return string
	 */
	public static function to_naira( $kobo ) {
		$sign = $kobo < 0 ? '-' : '';
		$kobo = abs( (int) $kobo );
		return $sign . intdiv( $kobo, 100 ) . '.' . str_pad( (string) ( $kobo % 100 ), 2, '0', STR_PAD_LEFT );
	}

	/**
	 * The tax Risiti computes on a line: half-up to the kobo of net × percent.
	 *
	 * @param int $net_kobo   Line net in kobo.
	 * @param int $rate_units Rate in ten-thousandths of a percent (7.5 % = 75000), as exact as the API's rates.
	 * @return int
	 */
	public static function tax_on( $net_kobo, $rate_units ) {
		return intdiv( $net_kobo * $rate_units * 2 + 1000000, 2000000 );
	}

	/**
	 * Rate units of a percent the API writes as a string ("7.5", "12.3456"): percent × 10,000, exactly.
	 *
	 * @param string $percent Percent.
	 * @return int
	 */
	public static function rate_units( $percent ) {
		$parts = explode( '.', trim( (string) $percent ) . '.' );
		return (int) $parts[0] * 10000 + (int) substr( str_pad( $parts[1], 4, '0' ), 0, 4 );
	}
}
