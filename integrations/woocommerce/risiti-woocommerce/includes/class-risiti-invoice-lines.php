<?php
/**
 * A WooCommerce order as the lines of a Risiti invoice.
 *
 * @package Risiti_WooCommerce
 */

defined( 'ABSPATH' ) || exit;

/**
 * Builds the invoice lines of an order: its items, shipping and fees, at the prices and VAT WooCommerce computed.
 *
 * Risiti computes each line's VAT itself (net × rate, half-up to the kobo). WooCommerce computed it on an unrounded
 * net, so the two can differ by a kobo; where they do, the line's net moves by a kobo or two so that net + VAT is
 * exactly what the shopper paid for the line. Where no net makes that total (rounding skips it), a second line of a
 * kobo or two at the same rate, whose VAT rounds to nothing, makes up the difference, as invoice-service's own credit
 * notes do. The invoice total is then the order total, to the kobo.
 */
final class Risiti_Invoice_Lines {

	/** @var array[] Lines for POST /api/v1/invoices. */
	private $lines = array();

	/** @var int What the lines add up to, VAT included, as Risiti will compute it. */
	private $total_kobo = 0;

	/**
	 * @param WC_Order $order     The order.
	 * @param array[]  $vat_rates The tenant's VAT rates: id, units (see Risiti_Money::rate_units), category (S, Z, E).
	 * @param string   $untaxed   'zero_rated' or 'exempt': the rate of lines WooCommerce charged no tax on.
	 * @return Risiti_Invoice_Lines
	 * @throws Risiti_Api_Error When a line cannot be an invoice line (negative fee, a rate Risiti does not have).
	 */
	public static function of_order( $order, array $vat_rates, $untaxed ) {
		$built = new self();
		foreach ( $order->get_items( 'line_item' ) as $item ) {
			$built->add( $item->get_name(), $item->get_quantity(), $item->get_total(), $item->get_total_tax(), $vat_rates, $untaxed );
		}
		foreach ( $order->get_items( 'shipping' ) as $item ) {
			/* translators: %s: shipping method name */
			$built->add( sprintf( __( 'Shipping: %s', 'risiti-woocommerce' ), $item->get_name() ), 1, $item->get_total(), $item->get_total_tax(), $vat_rates, $untaxed );
		}
		foreach ( $order->get_items( 'fee' ) as $item ) {
			$built->add( $item->get_name(), 1, $item->get_total(), $item->get_total_tax(), $vat_rates, $untaxed );
		}
		if ( empty( $built->lines ) ) {
			throw new Risiti_Api_Error( 0, 'EMPTY_ORDER', __( 'The order has no items to invoice.', 'risiti-woocommerce' ), false );
		}
		return $built;
	}

	/** @return array[] */
	public function lines() {
		return $this->lines;
	}

	/** @return int */
	public function total_kobo() {
		return $this->total_kobo;
	}

	/**
	 * @param string    $name      Line description.
	 * @param int|float $quantity  Quantity.
	 * @param string    $net       Line total after discounts, VAT excluded (naira).
	 * @param string    $tax       Line VAT (naira).
	 * @param array[]   $vat_rates Tenant's VAT rates.
	 * @param string    $untaxed   Rate for untaxed lines.
	 * @throws Risiti_Api_Error For a line that cannot be invoiced.
	 */
	private function add( $name, $quantity, $net, $tax, array $vat_rates, $untaxed ) {
		$net_kobo = Risiti_Money::to_kobo( $net );
		$tax_kobo = Risiti_Money::to_kobo( $tax );
		if ( $net_kobo < 0 || $tax_kobo < 0 ) {
			/* translators: %s: line name */
			throw new Risiti_Api_Error( 0, 'NEGATIVE_LINE', sprintf( __( '"%s" is negative; give discounts as coupons, which reduce the items they apply to.', 'risiti-woocommerce' ), $name ), false );
		}
		$rate     = 0 === $tax_kobo ? self::untaxed_rate( $vat_rates, $untaxed ) : self::charged_rate( $name, $net_kobo, $tax_kobo, $vat_rates );
		$gross    = $net_kobo + $tax_kobo;
		$net_kobo = self::net_for_gross( $net_kobo, $tax_kobo, $rate['units'] );
		$rounding = $gross - $net_kobo - Risiti_Money::tax_on( $net_kobo, $rate['units'] );

		$quantity = (float) $quantity;
		$whole    = (int) round( $quantity );
		if ( $whole > 0 && abs( $quantity - $whole ) < 1e-9 && 0 === $net_kobo % $whole ) {
			$line_quantity = $whole;
			$unit_kobo     = intdiv( $net_kobo, $whole );
		} else {
			// A net that does not divide into equal kobo unit prices: one line for the lot, the count in its name.
			$line_quantity = 1;
			$unit_kobo     = $net_kobo;
			$name         .= ' × ' . ( $whole > 0 && abs( $quantity - $whole ) < 1e-9 ? $whole : $quantity );
		}
		$this->append( $name, $line_quantity, $unit_kobo, $rate );
		if ( $rounding > 0 && 0 === Risiti_Money::tax_on( $rounding, $rate['units'] ) ) {
			/* translators: %s: line name */
			$this->append( sprintf( __( '%s (rounding)', 'risiti-woocommerce' ), $name ), 1, $rounding, $rate );
		}
	}

	/**
	 * @param string $name      Description.
	 * @param int    $quantity  Quantity.
	 * @param int    $unit_kobo Unit price, VAT excluded.
	 * @param array  $rate      VAT rate.
	 */
	private function append( $name, $quantity, $unit_kobo, array $rate ) {
		$this->lines[]     = array(
			'description' => function_exists( 'mb_substr' ) ? mb_substr( $name, 0, 500 ) : substr( $name, 0, 500 ),
			'quantity'    => $quantity,
			'unit_price'  => Risiti_Money::to_naira( $unit_kobo ),
			'tax_rate_id' => $rate['id'],
		);
		$this->total_kobo += $quantity * $unit_kobo + Risiti_Money::tax_on( $quantity * $unit_kobo, $rate['units'] );
	}

	/**
	 * The zero-rated or exempt rate.
	 *
	 * @param array[] $vat_rates Tenant's VAT rates.
	 * @param string  $untaxed   'zero_rated' or 'exempt'.
	 * @return array
	 * @throws Risiti_Api_Error When the tenant has no such rate.
	 */
	private static function untaxed_rate( array $vat_rates, $untaxed ) {
		$category = 'exempt' === $untaxed ? 'E' : 'Z';
		foreach ( $vat_rates as $rate ) {
			if ( $category === $rate['category'] ) {
				return $rate;
			}
		}
		throw new Risiti_Api_Error( 0, 'NO_TAX_RATE', __( 'Risiti has no zero-rated or exempt VAT rate for untaxed lines.', 'risiti-woocommerce' ), false );
	}

	/**
	 * The standard-category rate whose VAT on this net comes closest to what WooCommerce charged.
	 *
	 * @param string  $name      Line name, for the error.
	 * @param int     $net_kobo  Net.
	 * @param int     $tax_kobo  VAT WooCommerce charged.
	 * @param array[] $vat_rates Tenant's VAT rates.
	 * @return array
	 * @throws Risiti_Api_Error When no rate is within rounding of it.
	 */
	private static function charged_rate( $name, $net_kobo, $tax_kobo, array $vat_rates ) {
		$best = null;
		$gap  = PHP_INT_MAX;
		foreach ( $vat_rates as $rate ) {
			if ( $rate['units'] <= 0 ) {
				continue;
			}
			$difference = abs( Risiti_Money::tax_on( $net_kobo, $rate['units'] ) - $tax_kobo );
			if ( $difference < $gap ) {
				$best = $rate;
				$gap  = $difference;
			}
		}
		// WooCommerce rounds per unit in some settings: a few kobo apart is rounding, more is another rate.
		if ( null === $best || $gap > 2 + intdiv( $net_kobo, 1000000 ) ) {
			/* translators: 1: line name, 2: tax charged */
			throw new Risiti_Api_Error( 0, 'NO_TAX_RATE', sprintf( __( 'WooCommerce charged %2$s VAT on "%1$s", which is no VAT rate of your Risiti business; add the rate under Tax rates in Risiti.', 'risiti-woocommerce' ), $name, Risiti_Money::to_naira( $tax_kobo ) ), false );
		}
		return $best;
	}

	/**
	 * A net whose Risiti VAT makes net + VAT equal WooCommerce's net + VAT, the nearest to WooCommerce's net.
	 *
	 * @param int $net_kobo   WooCommerce's net.
	 * @param int $tax_kobo   WooCommerce's VAT.
	 * @param int $rate_units The rate.
	 * @return int
	 */
	private static function net_for_gross( $net_kobo, $tax_kobo, $rate_units ) {
		if ( Risiti_Money::tax_on( $net_kobo, $rate_units ) === $tax_kobo ) {
			return $net_kobo;
		}
		$gross = $net_kobo + $tax_kobo;
		for ( $step = 1; $step <= 3; $step++ ) {
			foreach ( array( $net_kobo - $step, $net_kobo + $step ) as $candidate ) {
				if ( $candidate >= 0 && $candidate + Risiti_Money::tax_on( $candidate, $rate_units ) === $gross ) {
					return $candidate;
				}
			}
		}
		// None: the largest net whose total stays below the gross; a rounding line adds the rest.
		while ( $net_kobo > 0 && $net_kobo + Risiti_Money::tax_on( $net_kobo, $rate_units ) > $gross ) {
			--$net_kobo;
		}
		return $net_kobo;
	}
}
